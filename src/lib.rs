//! zhupi (朱批) marks what a reader of Chinese policy news wants pointed out: the
//! **figures** of an article (counts, percentages, money, dates …) with their values
//! normalised, its **named initiatives** and its **policy documents**, as
//! `shared/spec/marking.md` defines them.
//!
//! The crate is laid out as its architecture:
//! - [`extract`] is the pure extractor: text in, [`Entity`] spans out, in Unicode code
//!   points. It uses no web APIs, so it is tested and benchmarked natively.
//! - `numeral` reads numbers, `figure` decides which numbers are figures, `lexicon`
//!   holds every table of words, `scan` is the one pass that runs the recognisers.
//! - `eval` scores the extractor against gold files, as the spec's scoring section says.
//! - The CLI (`src/main.rs`) and, on wasm32, the DOM layer sit on top of [`extract`].

pub mod chars;
pub mod entity;
pub mod eval;
mod figure;
pub mod lexicon;
pub mod numeral;
mod scan;
pub mod text;
pub mod words;

pub use entity::{Approx, Entity, Kind, Sub, Value};

/// What to extract.
#[derive(Clone, Debug)]
pub struct Options {
    /// The kinds to report; all three by default.
    pub kinds: Vec<Kind>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kinds: Kind::ALL.to_vec(),
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
pub fn extract(text: &str, options: &Options) -> Vec<Entity> {
    // Rules read the folded text (traditional characters as simplified); entity text is
    // cut from the original, at the same code-point offsets.
    let text = text::Text::new(text);
    let found = scan::scan(&text.chars, options);
    scan::to_entities(&text, found)
}
