//! `zhupi`, the command-line tool on the same core (`zhupi-core`) as the page widget.
//!
//! - `zhupi extract [FILE|-] [--kinds K,…] [--terms F]` prints one JSON object per entity
//!   (JSON Lines).
//! - `zhupi extract --jsonl CORPUS|- [-j N]` does the same for a corpus of JSON Lines
//!   (`{"id": …, "text": …}` per line), on every core, streamed, in input order, each
//!   entity's line led by its text's `id` ([`batch`]).
//! - `zhupi eval GOLD_DIR… [--kinds K,…] [--misses]` scores the extractor on gold files.
//!
//! The output is a contract other tools rely on; bad input is a one-line error on
//! stderr and exit status 2, never a panic. In a corpus, a bad line is reported with its
//! line number and skipped, and the exit status is 1.

mod batch;

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use zhupi_core::eval::{self, Miss};
use zhupi_core::export::{self, Format};
use zhupi_core::{extract, Entity, Kind, Options, Terms};

const USAGE: &str = "\
usage: zhupi extract [FILE|-] [--kinds figure,initiative,document] [--terms TERMS.json]
                     [--format jsonl|json|csv|w3c]
       zhupi extract --jsonl CORPUS.jsonl|- [-j N] [--kinds …] [--terms …]
                     [--format jsonl|csv]
       zhupi eval GOLD_DIR… [--kinds …] [--terms TERMS.json] [--misses]

extract  reads UTF-8 text (stdin when FILE is - or absent) and prints one JSON object
         per entity, in document order: start, end (code points, end exclusive),
         text, kind, sub, value, unit, approx. --terms adds the site's own terms,
         a JSON array of {\"text\": …, \"kind\": \"initiative\"}, marked first.
         --format: jsonl (default); json and csv add 32 characters of context each
         side (csv is UTF-8 with a BOM); w3c writes W3C Web Annotation JSON-LD.
         --jsonl reads a corpus instead (stdin when -), one {\"id\": …, \"text\": …}
         object per line (id a string or a number), and prints each entity as
         above with \"id\" first (csv: an id column), in input order, on every core
         (-j/--jobs N threads); a progress bar on stderr when it is a terminal.
         A bad line is reported as \"zhupi: line N: reason\" and skipped: exit
         status 1 (2 for usage errors).
eval     scores the extractor on folders of gold files (shared/gold format), as one set, and prints
         precision, recall, F1, exact-span rate and value/unit/approx accuracy per kind.";

/// A failure the user can act on: printed as one line, exit status 2.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Failure(msg)) => {
            eprintln!("zhupi: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Parsed command-line flags shared by the commands.
struct Flags {
    positional: Vec<String>,
    options: Options,
    misses: bool,
    format: Format,
    /// `--jsonl`: a corpus, one JSON object per line.
    jsonl: Option<String>,
    /// `-j` / `--jobs`: worker threads for `--jsonl`.
    jobs: Option<usize>,
}

fn parse_flags(args: &[String]) -> Result<Flags, Failure> {
    let mut flags = Flags {
        positional: Vec::new(),
        options: Options::default(),
        misses: false,
        format: Format::JsonLines,
        jsonl: None,
        jobs: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--kinds" => {
                let list = it.next().ok_or_else(|| {
                    Failure("--kinds needs a list, e.g. --kinds figure,document".into())
                })?;
                flags.options.kinds = parse_kinds(list)?;
            }
            s if s.starts_with("--kinds=") => {
                flags.options.kinds = parse_kinds(&s["--kinds=".len()..])?
            }
            "--terms" => {
                let path = it.next().ok_or_else(|| {
                    Failure("--terms needs a JSON file of [{\"text\", \"kind\"}]".into())
                })?;
                flags.options.terms = read_terms(path)?;
            }
            "--misses" => flags.misses = true,
            "--format" => {
                let name = it
                    .next()
                    .ok_or_else(|| Failure("--format needs one of jsonl, json, csv, w3c".into()))?;
                flags.format = Format::parse(name).ok_or_else(|| {
                    Failure(format!("unknown format '{name}' (jsonl, json, csv, w3c)"))
                })?;
            }
            "--jsonl" => {
                let path = it.next().ok_or_else(|| {
                    Failure("--jsonl needs a corpus file of JSON Lines, or - for stdin".into())
                })?;
                flags.jsonl = Some(path.clone());
            }
            s if s.starts_with("--jsonl=") => flags.jsonl = Some(s["--jsonl=".len()..].into()),
            "-j" | "--jobs" => {
                flags.jobs = Some(parse_jobs(it.next().map(String::as_str).unwrap_or(""))?)
            }
            s if s.starts_with("--jobs=") => flags.jobs = Some(parse_jobs(&s["--jobs=".len()..])?),
            s if s.starts_with("-j") && s.len() > 2 => flags.jobs = Some(parse_jobs(&s[2..])?),
            "-" => flags.positional.push(a.clone()),
            s if s.starts_with('-') => return Err(Failure(format!("unknown option {s}\n{USAGE}"))),
            _ => flags.positional.push(a.clone()),
        }
    }
    Ok(flags)
}

/// `-j N`: a number of worker threads, 1 or more.
fn parse_jobs(n: &str) -> Result<usize, Failure> {
    match n.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(Failure(format!(
            "-j/--jobs needs a number of threads, 1 or more (got '{n}')"
        ))),
    }
}

/// Reads a terms file: a JSON array of `{"text", "kind"}`.
fn read_terms(path: &str) -> Result<Terms, Failure> {
    let json = std::fs::read_to_string(path).map_err(|e| Failure(format!("{path}: {e}")))?;
    Terms::from_json(&json).map_err(|e| Failure(format!("{path}: {e}")))
}

fn parse_kinds(list: &str) -> Result<Vec<Kind>, Failure> {
    list.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            Kind::parse(s.trim()).ok_or_else(|| {
                Failure(format!("unknown kind '{s}' (figure, initiative, document)"))
            })
        })
        .collect()
}

fn run(args: &[String]) -> Result<ExitCode, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure(USAGE.into()));
    };
    match command.as_str() {
        "extract" => cmd_extract(parse_flags(rest)?),
        "eval" => cmd_eval(parse_flags(rest)?).map(|()| ExitCode::SUCCESS),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("zhupi {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure(format!("unknown command '{other}'\n{USAGE}"))),
    }
}

/// Reads the input as UTF-8, naming the byte offset of the first invalid sequence.
fn read_text(source: Option<&str>) -> Result<String, Failure> {
    let (name, bytes) = match source {
        None | Some("-") => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Failure(format!("stdin: {e}")))?;
            ("stdin".to_owned(), buf)
        }
        Some(path) => {
            let p = Path::new(path);
            if p.is_dir() {
                return Err(Failure(format!("{path}: is a directory, not a text file")));
            }
            let bytes = std::fs::read(p).map_err(|e| Failure(format!("{path}: {e}")))?;
            (path.to_owned(), bytes)
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{name}: not valid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn cmd_extract(flags: Flags) -> Result<ExitCode, Failure> {
    if let Some(corpus) = &flags.jsonl {
        return cmd_extract_corpus(corpus, &flags);
    }
    if flags.jobs.is_some() {
        return Err(Failure(format!("-j/--jobs is for --jsonl\n{USAGE}")));
    }
    if flags.positional.len() > 1 {
        return Err(Failure(format!("extract takes one file at most\n{USAGE}")));
    }
    let source = flags.positional.first().map(String::as_str);
    let text = read_text(source)?;
    let entities = extract(&text, &flags.options);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if flags.format == Format::JsonLines {
        for e in &entities {
            write_line(&mut out, e)?;
        }
    } else {
        let exported = export::export(
            flags.format,
            &text,
            &entities,
            &source_url(source),
            &zhupi_core::json::rust_decimal,
        );
        out.write_all(exported.as_bytes())
            .or_else(ignore_closed_pipe)?;
    }
    out.flush().or_else(ignore_closed_pipe)?;
    Ok(ExitCode::SUCCESS)
}

/// `extract --jsonl`: the corpus on every core ([`batch`]). Some bad lines: exit status 1.
fn cmd_extract_corpus(corpus: &str, flags: &Flags) -> Result<ExitCode, Failure> {
    if !flags.positional.is_empty() {
        return Err(Failure(format!(
            "extract --jsonl reads the corpus it names, not a FILE as well\n{USAGE}"
        )));
    }
    if !matches!(flags.format, Format::JsonLines | Format::Csv) {
        return Err(Failure(format!(
            "extract --jsonl writes jsonl or csv, not json or w3c\n{USAGE}"
        )));
    }
    let summary = batch::run(&batch::Batch {
        source: corpus,
        format: flags.format,
        options: &flags.options,
        jobs: flags.jobs,
    })
    .map_err(Failure)?;
    if summary.failed > 0 {
        eprintln!(
            "zhupi: {} of {} lines skipped",
            summary.failed, summary.lines
        );
        return Ok(ExitCode::from(batch::SOME_LINES_FAILED));
    }
    Ok(ExitCode::SUCCESS)
}

/// What the W3C export names as the annotated source: the file's URL, or stdin.
fn source_url(source: Option<&str>) -> String {
    match source {
        None | Some("-") => "urn:zhupi:stdin".into(),
        Some(path) => match std::fs::canonicalize(path) {
            Ok(p) => format!("file://{}", p.display()),
            Err(_) => path.into(),
        },
    }
}

fn write_line(out: &mut impl Write, e: &Entity) -> Result<(), Failure> {
    let line = serde_json::to_string(e)?;
    writeln!(out, "{line}").or_else(ignore_closed_pipe)?;
    Ok(())
}

/// `zhupi extract … | head` closes the pipe early; that is not an error.
fn ignore_closed_pipe(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    Err(e)
}

fn cmd_eval(flags: Flags) -> Result<(), Failure> {
    if flags.positional.is_empty() {
        return Err(Failure(format!("eval takes gold folders\n{USAGE}")));
    }
    // Several folders are scored as one set (the development set is gold/ and gold-new/).
    let mut docs = Vec::new();
    for dir in &flags.positional {
        docs.extend(eval::load_gold_dir(Path::new(dir))?);
    }
    let report = eval::evaluate(&docs, &flags.options);
    println!(
        "{} documents from {}",
        report.documents,
        flags.positional.join(" + ")
    );
    println!(
        "{:<11}{:>6}{:>6}{:>7}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}",
        "kind", "gold", "pred", "match", "P", "R", "F1", "exact", "value", "unit", "approx"
    );
    for kind in flags.options.kinds.iter().copied() {
        let s = report.kind(kind);
        let figure_only = |x: f64| {
            if kind == Kind::Figure {
                format!("{x:.3}")
            } else {
                "-".into()
            }
        };
        println!(
            "{:<11}{:>6}{:>6}{:>7}{:>8.3}{:>8.3}{:>8.3}{:>8.3}{:>8}{:>8}{:>8}",
            kind.as_str(),
            s.gold,
            s.predicted,
            s.matched,
            s.precision(),
            s.recall(),
            s.f1(),
            s.exact_rate(),
            figure_only(s.value_accuracy()),
            figure_only(s.unit_accuracy()),
            figure_only(s.approx_accuracy()),
        );
    }
    if flags.misses {
        let texts: std::collections::HashMap<&str, Vec<char>> = docs
            .iter()
            .map(|(n, d)| (n.as_str(), d.text.chars().collect()))
            .collect();
        println!();
        for (doc, miss) in &report.misses {
            let text = &texts[doc.as_str()];
            println!("{}", describe_miss(doc, miss, text));
        }
    }
    Ok(())
}

/// One line per miss, with a little context around the span.
fn describe_miss(doc: &str, miss: &Miss, text: &[char]) -> String {
    let context = |e: &Entity| {
        let from = e.start.saturating_sub(8);
        let to = (e.end + 8).min(text.len());
        let s = |a: usize, b: usize| {
            text[a.min(text.len())..b.min(text.len())]
                .iter()
                .collect::<String>()
                .replace('\n', "⏎")
        };
        format!(
            "{}[{}]{}",
            s(from, e.start),
            s(e.start, e.end),
            s(e.end, to)
        )
    };
    let brief = |e: &Entity| {
        let mut s = e.kind.as_str().to_string();
        if let Some(sub) = e.sub {
            s += &format!("/{}", sub.as_str());
        }
        if let Some(v) = &e.value {
            s += &format!(" {}", serde_json::to_string(v).unwrap_or_default());
        }
        if let Some(u) = &e.unit {
            s += &format!(" {u}");
        }
        if let Some(a) = e.approx {
            s += &format!(" {}", a.as_str());
        }
        s
    };
    match miss {
        Miss::Missed(g) => format!("MISSED  {doc} {}  {}", context(g), brief(g)),
        Miss::Spurious(p) => format!("EXTRA   {doc} {}  {}", context(p), brief(p)),
        Miss::Differs { gold, predicted } => format!(
            "DIFFERS {doc} gold {} {} | got {} {}",
            context(gold),
            brief(gold),
            context(predicted),
            brief(predicted)
        ),
    }
}
