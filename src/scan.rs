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
use crate::text::Text;
use crate::words::CharSet;
use crate::Options;
use std::sync::OnceLock;

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

/// Every character at which some recogniser may start: one bitset test per position
/// decides whether the scanner looks closer.
fn triggers() -> &'static CharSet {
    static SET: OnceLock<CharSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = CharSet::new();
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            if figure::may_start(c) || lexicon::not_figures().may_start_with(c) {
                set.insert(c);
            }
        }
        set
    })
}

/// Runs every recogniser over `text` in one pass.
pub(crate) fn scan(text: &[char], options: &Options) -> Vec<Found> {
    let mut spans = Spans::default();
    let not_figures = lexicon::not_figures();
    let triggers = triggers();
    let want_figures = options.wants(Kind::Figure);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if !triggers.contains(c) {
            i += 1;
            continue;
        }
        if want_figures {
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

/// Turns what the scan found into entities, cutting their text from the original.
pub(crate) fn to_entities(text: &Text, found: Vec<Found>) -> Vec<Entity> {
    found
        .into_iter()
        .map(|f| {
            let (start, end) = (f.start(), f.end());
            let text = text.slice(start, end).to_owned();
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
