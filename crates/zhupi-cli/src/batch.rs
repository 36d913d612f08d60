//! `zhupi extract --jsonl CORPUS`: a corpus of JSON Lines, one `{"id": …, "text": …}`
//! object per line, extracted on every core.
//!
//! The corpus is streamed, never loaded: a reader thread cuts it into chunks (at most
//! [`CHUNK_LINES`] lines or [`CHUNK_BYTES`] bytes, a longer line being a chunk of its
//! own), the worker pool (rayon, `--jobs` threads) extracts a chunk's lines in parallel
//! while the next is read, and a writer thread writes the finished chunks in input
//! order while the next is extracted. Each stage hands on through a channel of
//! [`IN_FLIGHT`] chunks, so memory is bounded by a few chunks, whatever the corpus's
//! size.
//!
//! A line that cannot be read (not UTF-8, not JSON, not an object, no `id` string or
//! number, no `text` string) is reported on stderr as `zhupi: line N: <reason>` and
//! skipped; the rest of the corpus is still extracted, and the exit status is
//! [`SOME_LINES_FAILED`]. Blank lines are skipped silently.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;
use zhupi_core::export::{self, Format};
use zhupi_core::{extract, Options};

/// A chunk is cut after this many lines …
pub const CHUNK_LINES: usize = 1024;
/// … or once it holds this many bytes.
pub const CHUNK_BYTES: usize = 1 << 20;
/// Chunks waiting between two stages, beside the one each stage holds.
const IN_FLIGHT: usize = 2;
/// The exit status when some lines were reported and skipped (usage errors are 2).
pub const SOME_LINES_FAILED: u8 = 1;

/// What was asked for.
pub struct Batch<'a> {
    /// A path, or `-` for stdin.
    pub source: &'a str,
    pub format: Format,
    pub options: &'a Options,
    /// Worker threads; `None`: one per core.
    pub jobs: Option<usize>,
}

/// Lines of the corpus, as read, and where they start.
struct Chunk {
    /// The line number (from 1) of `lines[0]`.
    first: usize,
    lines: Vec<Vec<u8>>,
    /// Bytes read, line ends included (for the progress bar).
    bytes: u64,
}

/// A chunk's output: per line, its output or the reason it was skipped.
struct Done {
    first: usize,
    lines: Vec<Result<String, String>>,
    bytes: u64,
}

/// How the corpus went: lines read and lines skipped as bad.
pub struct Summary {
    pub lines: usize,
    pub failed: usize,
}

/// Runs the batch. `Err` is a failure of the whole run (the corpus cannot be read, the
/// output cannot be written): a one-line error, exit status 2.
pub fn run(batch: &Batch) -> Result<Summary, String> {
    let (input, total): (Box<dyn Read + Send>, Option<u64>) = if batch.source == "-" {
        (Box::new(io::stdin()), None)
    } else {
        let path = Path::new(batch.source);
        if path.is_dir() {
            return Err(format!("{}: is a directory, not a corpus", batch.source));
        }
        let file = File::open(path).map_err(|e| format!("{}: {e}", batch.source))?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(file), size)
    };
    let name = if batch.source == "-" {
        "stdin".to_owned()
    } else {
        batch.source.to_owned()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(batch.jobs.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start the worker threads: {e}"))?;
    let progress = progress_bar(total);

    let (chunks, to_extract) = sync_channel::<io::Result<Chunk>>(IN_FLIGHT);
    let (done, to_write) = sync_channel::<Done>(IN_FLIGHT);
    let reader = thread::spawn(move || read_chunks(input, &chunks));
    let format = batch.format;
    let bar = progress.clone();
    let writer = thread::spawn(move || write_chunks(&to_write, format, &bar));

    let mut read_error = None;
    for chunk in to_extract {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err(e) => {
                read_error = Some(format!("{name}: {e}"));
                break;
            }
        };
        let lines = pool.install(|| {
            chunk
                .lines
                .par_iter()
                .map(|line| extract_line(line, batch.format, batch.options))
                .collect()
        });
        let finished = Done {
            first: chunk.first,
            lines,
            bytes: chunk.bytes,
        };
        if done.send(finished).is_err() {
            break; // the writer stopped: its error is below
        }
    }
    drop(done);
    let written = writer.join().expect("the writer thread does not panic");
    // A reader blocked on a full channel ends when the channel closes.
    drop(reader.join());
    progress.finish_and_clear();
    let summary = written?;
    match read_error {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match total {
        Some(size) => ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::stderr())
            .with_style(
                ProgressStyle::with_template(
                    "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
                )
                .expect("a valid template"),
            ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}")
                .expect("a valid template"),
        ),
    }
}

/// The reader thread: the corpus cut into chunks, until its end or an error.
fn read_chunks(input: Box<dyn Read + Send>, chunks: &SyncSender<io::Result<Chunk>>) {
    let mut input = BufReader::with_capacity(1 << 20, input);
    let mut next = 1;
    loop {
        let mut chunk = Chunk {
            first: next,
            lines: Vec::new(),
            bytes: 0,
        };
        let mut held = 0;
        while chunk.lines.len() < CHUNK_LINES && held < CHUNK_BYTES {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(n) => {
                    chunk.bytes += n as u64;
                    held += n;
                    chunk.lines.push(line);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    let _ = chunks.send(Err(e));
                    return;
                }
            }
        }
        if chunk.lines.is_empty() {
            return;
        }
        next += chunk.lines.len();
        if chunks.send(Ok(chunk)).is_err() {
            return;
        }
    }
}

/// One corpus line: `{"id": …, "text": …}`, other members ignored.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object with \"id\" and \"text\"")]
struct Record<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
}

/// A line's output, or why it is skipped. Blank lines give nothing.
fn extract_line(line: &[u8], format: Format, options: &Options) -> Result<String, String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("not valid UTF-8 at byte offset {}", e.valid_up_to()))?;
    // A byte-order mark at the start of the file, line ends, spaces around the object.
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return Ok(String::new());
    }
    if !line.starts_with('{') {
        return Err("not a JSON object".into());
    }
    let record: Record = serde_json::from_str(line).map_err(|e| {
        let message = e.to_string();
        // serde_json counts lines and columns within the line; the line is ours.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        format!("not valid JSON: {message} at column {}", e.column())
    })?;
    let id = record.id.ok_or("no \"id\"")?.get();
    if !(id.starts_with('"') || id.starts_with('-') || id.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Err("\"id\" is neither a string nor a number".into());
    }
    let text = record.text.ok_or("no \"text\"")?.get();
    if !text.starts_with('"') {
        return Err("\"text\" is not a string".into());
    }
    let text: String = serde_json::from_str(text).map_err(|e| format!("\"text\": {e}"))?;
    let entities = extract(&text, options);
    let mut out = String::new();
    match format {
        Format::Csv => {
            // The id as a spreadsheet shows it: a string's characters, a number as given.
            let id = if id.starts_with('"') {
                serde_json::from_str::<String>(id).map_err(|e| format!("\"id\": {e}"))?
            } else {
                id.to_owned()
            };
            export::csv_rows_with_id(
                &mut out,
                &id,
                &text,
                &entities,
                &zhupi_core::json::rust_decimal,
            );
        }
        _ => {
            for e in &entities {
                // The entity's line as `zhupi extract` prints it, with the id first.
                let fields = serde_json::to_string(e).map_err(|e| e.to_string())?;
                out.push_str("{\"id\":");
                out.push_str(id);
                out.push(',');
                out.push_str(&fields[1..]);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// The writer thread: the chunks' output in order, each bad line reported as it comes.
fn write_chunks(
    done: &Receiver<Done>,
    format: Format,
    progress: &ProgressBar,
) -> Result<Summary, String> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut summary = Summary {
        lines: 0,
        failed: 0,
    };
    let fail = |e: io::Error| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            // `zhupi extract --jsonl … | head` closes the pipe early: not an error.
            std::process::exit(0);
        }
        format!("stdout: {e}")
    };
    if format == Format::Csv {
        out.write_all(export::CSV_HEADER_WITH_ID.as_bytes())
            .map_err(fail)?;
    }
    for chunk in done {
        for (k, line) in chunk.lines.iter().enumerate() {
            match line {
                Ok(text) => out.write_all(text.as_bytes()).map_err(fail)?,
                Err(reason) => {
                    summary.failed += 1;
                    let number = chunk.first + k;
                    progress.suspend(|| eprintln!("zhupi: line {number}: {reason}"));
                }
            }
        }
        summary.lines += chunk.lines.len();
        progress.inc(chunk.bytes);
        progress.set_message(format!("{} lines", summary.lines));
    }
    out.flush().map_err(fail)?;
    Ok(summary)
}
