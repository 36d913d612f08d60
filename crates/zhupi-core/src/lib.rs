//! zhupi (朱批) marks what a reader of Chinese policy news wants pointed out: the
//! **figures** of an article (counts, percentages, money, dates …) with their values
//! normalised, its **named initiatives** and its **policy documents**, as
//! `shared/spec/marking.md` defines them.
//!
//! The crate is laid out as its architecture:
//! - [`extract`] is the pure extractor: text in, [`Entity`] spans out, in Unicode code
//!   points. It uses no web APIs, so it is tested and benchmarked natively.
//! - `numeral` reads numbers, `figure` decides which numbers are figures, `initiative`
//!   finds named programmes, `document` finds 《》 titles, `terms` holds the embedding
//!   site's own terms, `lexicon` (with `data/initiatives.txt` and
//!   `data/nonname-words.txt`) every table of words, and `scan` is the one pass that
//!   runs the recognisers.
//! - `eval` scores the extractor against gold files, as the spec's scoring section says.
//! - `export` and `json` write entities out (JSON, CSV, W3C), for every face alike.
//!
//! This crate is the core of a workspace (`crates/`), in the shape of harper's: it has
//! no web, Python or command-line dependencies, and each face sits on [`extract`] as
//! its own crate — `zhupi-wasm` (the page's DOM layer, built as `zhupi.wasm`),
//! `zhupi-cli` (the `zhupi` command) and, outside the workspace, the Python package in
//! `python/`.

pub mod chars;
pub mod describe;
pub mod digits;
mod document;
pub mod entity;
pub mod eval;
pub mod export;
mod figure;
mod initiative;
pub mod json;
pub mod lexicon;
pub mod numeral;
mod scan;
pub mod sort;
pub mod strings;
pub mod terms;
pub mod text;
pub mod words;

pub use entity::{Approx, Entity, Kind, Sub, Value};

pub use terms::{Term, TermError, Terms};

/// What to extract.
#[derive(Clone, Debug)]
pub struct Options {
    /// The kinds to report; all three by default.
    pub kinds: Vec<Kind>,
    /// The embedding site's own terms, marked ahead of every built-in rule.
    pub terms: Terms,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kinds: Kind::ALL.to_vec(),
            terms: Terms::default(),
        }
    }
}

impl Options {
    pub fn wants(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }
}

/// Finds every entity in `text`, in document order, never overlapping.
///
/// Offsets are Unicode code points, end exclusive. Never panics, whatever the input.
///
/// ```
/// use zhupi_core::{extract, Kind, Options, Value};
///
/// let found = extract("实施“头雁”工程，覆盖3.47万人。", &Options::default());
/// assert_eq!(found[0].text, "“头雁”工程");
/// assert_eq!(found[0].kind, Kind::Initiative);
/// assert_eq!(found[1].text, "3.47万人");
/// assert_eq!(found[1].value, Some(Value::Number(34700.0)));
/// assert_eq!(found[1].unit.as_deref(), Some("人"));
/// ```
pub fn extract(text: &str, options: &Options) -> Vec<Entity> {
    // Rules read the folded text (traditional characters as simplified); entity text is
    // cut from the original, at the same code-point offsets.
    let text = text::Text::new(text);
    let mut found = extract_read(&text.chars, options);
    for e in &mut found {
        e.text = text.slice(e.start, e.end).to_owned();
    }
    found
}

/// [`extract`] for a text its caller has already read into code points, each folded
/// with [`chars::fold`]. The entities' `text` is left empty: the caller holds the
/// original and cuts it when it needs it. The DOM layer reads a page's text nodes
/// straight into code points, and cuts an entity's text only when it is shown or
/// listed, so the page's text is neither joined into one string nor decoded twice.
pub fn extract_read(chars: &[char], options: &Options) -> Vec<Entity> {
    scan::to_entities(scan::scan(chars, options))
}
