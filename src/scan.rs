//! The single pass over a text: at each position, ask the recognisers whether an entity
//! starts there, keep the first (outermost) one and jump past it.
//!
//! Because entities are found left to right and the scanner resumes after the end of
//! each, nothing found later can sit inside something found earlier. The one way back
//! is a figure that reaches behind its number for a marker (`超过` + `5亿元`); it may
//! reach back only to the end of the previous entity. [`Spans`] keeps the output sorted
//! and free of overlaps whatever a recogniser returns, so the invariant does not rest on
//! every rule being right.

use crate::entity::{Entity, Kind};
use crate::figure::{self, Figure, Outcome};
use crate::lexicon;
use crate::Options;

/// Entities found so far, sorted and non-overlapping.
#[derive(Default)]
pub(crate) struct Spans {
    items: Vec<Found>,
}

/// An entity before its text is cut out.
pub(crate) enum Found {
    Figure(Figure),
}

impl Found {
    fn start(&self) -> usize {
        match self {
            Found::Figure(f) => f.start,
        }
    }
    fn end(&self) -> usize {
        match self {
            Found::Figure(f) => f.end,
        }
    }
}

impl Spans {
    /// The end of the last entity: nothing new may start before it.
    fn floor(&self) -> usize {
        self.items.last().map_or(0, Found::end)
    }

    /// Adds an entity; an earlier one inside it is dropped (the outer one wins), one
    /// that it would cross keeps its place and the new one is dropped.
    fn push(&mut self, found: Found) {
        if found.start() >= found.end() {
            return;
        }
        while let Some(last) = self.items.last() {
            if last.start() >= found.start() && last.end() <= found.end() {
                self.items.pop();
            } else {
                break;
            }
        }
        if self
            .items
            .last()
            .is_some_and(|last| last.end() > found.start())
        {
            return;
        }
        self.items.push(found);
    }
}

/// Runs every recogniser over `text` in one pass.
pub(crate) fn scan(text: &[char], options: &Options) -> Vec<Found> {
    let mut spans = Spans::default();
    let not_figures = lexicon::not_figures();
    let want_figures = options.wants(Kind::Figure);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if want_figures && (figure::may_start(c) || not_figures.may_start_with(c)) {
            let excluded = not_figures.longest_at(text, i).map_or(0, |(len, ())| len);
            let outcome = if figure::may_start(c) {
                figure::at(text, i, spans.floor())
            } else {
                Outcome::Nothing
            };
            match outcome {
                Outcome::Found(f) if f.end > i + excluded => {
                    i = f.end;
                    spans.push(Found::Figure(f));
                    continue;
                }
                Outcome::Skip(end) if end > i + excluded => {
                    i = end;
                    continue;
                }
                _ if excluded > 0 => {
                    i += excluded;
                    continue;
                }
                _ => {}
            }
        }
        i += 1;
    }
    spans.items
}

/// Turns what the scan found into entities, cutting their text from the original in
/// one walk over it (spans are sorted, so the walk never goes back).
pub(crate) fn to_entities(original: &str, found: Vec<Found>) -> Vec<Entity> {
    let mut offsets = original
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(original.len()));
    // The last code point looked up and its byte offset; lookups only move forward.
    let mut last = (0usize, offsets.next().unwrap_or(0));
    let mut byte_at = |cp: usize| -> usize {
        while last.0 < cp {
            match offsets.next() {
                Some(b) => last = (last.0 + 1, b),
                None => return original.len(),
            }
        }
        last.1
    };
    found
        .into_iter()
        .map(|f| {
            let (start, end) = (f.start(), f.end());
            let (from, to) = (byte_at(start), byte_at(end));
            let text = original[from..to].to_owned();
            match f {
                Found::Figure(f) => Entity {
                    start,
                    end,
                    text,
                    kind: Kind::Figure,
                    sub: Some(f.sub),
                    value: Some(f.value),
                    unit: f.unit.map(str::to_owned),
                    approx: Some(f.approx),
                },
            }
        })
        .collect()
}
