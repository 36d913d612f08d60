//! The single pass over a text: at each position, ask the recognisers whether an entity
//! starts there, keep the first (outermost) one and jump past it.
//!
//! Order at a position: the site's custom terms, a document title (《), a quoted
//! initiative (“), an unquoted initiative or a figure (the longer wins; an initiative
//! wins a tie), and last a name read back from a head noun (`拆炉并网` + `工程`).
//! Because entities are found left to right and the scan resumes after each, nothing
//! found later sits inside something found earlier; that is the spec's nesting rule
//! (a year inside a title, a number inside a slogan are not marked). The two ways back
//! — a figure reaching behind its number for a marker (`超过` + `5亿元`), a name read
//! back from its head — reach only to the end of the previous entity. [`Spans`] keeps
//! the output sorted and free of overlaps whatever a recogniser returns.

use crate::document;
use crate::entity::{Entity, Kind, Sub};
use crate::figure::{self, Figure, Outcome};
use crate::initiative::{self, Article};
use crate::lexicon;
use crate::terms::Terms;
use crate::words::WordTable;
use crate::Options;
use std::borrow::Cow;
use std::sync::OnceLock;

/// An entity before its text is cut out.
pub(crate) enum Found {
    Figure(Figure),
    Initiative {
        start: usize,
        end: usize,
    },
    Document {
        start: usize,
        end: usize,
        sub: Sub,
    },
    Term {
        start: usize,
        end: usize,
        kind: Kind,
    },
}

impl Found {
    fn start(&self) -> usize {
        match self {
            Found::Figure(f) => f.start,
            Found::Initiative { start, .. }
            | Found::Document { start, .. }
            | Found::Term { start, .. } => *start,
        }
    }

    fn end(&self) -> usize {
        match self {
            Found::Figure(f) => f.end,
            Found::Initiative { end, .. }
            | Found::Document { end, .. }
            | Found::Term { end, .. } => *end,
        }
    }

    fn kind(&self) -> Kind {
        match self {
            Found::Figure(_) => Kind::Figure,
            Found::Initiative { .. } => Kind::Initiative,
            Found::Document { .. } => Kind::Document,
            Found::Term { kind, .. } => *kind,
        }
    }
}

/// Entities found so far, sorted and non-overlapping.
#[derive(Default)]
struct Spans {
    items: Vec<Found>,
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

/// Which built-in recognisers may start at a character, one bit each.
mod starts {
    pub const FIGURE: u8 = 1; // a number, 第, 半 …
    pub const NOT_FIGURE: u8 = 2; // the first character of an excluded word (进一步)
    pub const NAME: u8 = 4; // the first character of an established or learned name
    pub const HEAD: u8 = 8; // the first character of a head noun (工程, 模式 …)
    pub const QUOTE: u8 = 16; // an opening quotation mark
    pub const TITLE: u8 = 32; // 《
    pub const TERM: u8 = 64; // the first character of one of the site's terms
    pub const SLOGAN: u8 = 128; // a numeral that may open a numeric slogan (五大举措)
}

/// What may start at each character of the Basic Multilingual Plane, built once: the
/// scanner reads one byte per position and runs only the recognisers it names.
/// (Custom terms and names learned from the article have their own first-character
/// sets; astral characters start nothing built in.)
fn start_table() -> &'static [u8] {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=0xFFFFu32)
            .map(|u| {
                let Some(c) = char::from_u32(u) else { return 0 };
                let mut bits = 0;
                let mut set = |on: bool, bit: u8| {
                    if on {
                        bits |= bit;
                    }
                };
                set(figure::may_start(c), starts::FIGURE);
                set(lexicon::not_figures().may_start_with(c), starts::NOT_FIGURE);
                set(lexicon::established_names().may_start_with(c), starts::NAME);
                set(initiative::may_open_slogan(c), starts::SLOGAN);
                set(lexicon::unquoted_heads().may_start_with(c), starts::HEAD);
                set(initiative::closing_for(c).is_some(), starts::QUOTE);
                set(c == '《', starts::TITLE);
                bits
            })
            .collect()
    })
}

/// The start table for one text: the built-in one, plus the first characters of the
/// names learned from the article and of the site's terms (copied only when there are
/// some: one lookup per position either way).
fn start_table_with(learned: Option<&WordTable<()>>, terms: &Terms) -> Cow<'static, [u8]> {
    let built_in = start_table();
    if learned.is_none() && terms.is_empty() {
        return Cow::Borrowed(built_in);
    }
    let mut table = built_in.to_vec();
    for c in learned.into_iter().flat_map(WordTable::first_chars) {
        table[c as usize] |= starts::NAME;
    }
    for c in terms.first_chars() {
        table[c as usize] |= starts::TERM;
    }
    Cow::Owned(table)
}

#[inline(always)]
fn starts_at(table: &[u8], c: char) -> u8 {
    table.get(c as usize).copied().unwrap_or(0)
}

/// What the scan looks for, decided once from the options.
struct Wanted {
    figures: bool,
    initiatives: bool,
    documents: bool,
}

/// Runs every recogniser over `text` in one pass.
pub(crate) fn scan(text: &[char], options: &Options) -> Vec<Found> {
    let wanted = Wanted {
        figures: options.wants(Kind::Figure),
        initiatives: options.wants(Kind::Initiative),
        documents: options.wants(Kind::Document),
    };
    // Titles and quotations are read (and nest what is inside them) even when their
    // kind is not wanted, so that a year in a title is not reported as a figure.
    let article = Article::read(text);
    let learned = article.learned();
    let table = start_table_with(learned, &options.terms);
    let established = lexicon::established_names();
    let table: &[u8] = &table;
    let mut spans = Spans::default();
    let mut i = 0;
    while i < text.len() {
        let bits = starts_at(table, text[i]);
        // Most positions start nothing, or only what a name's first two characters rule
        // out (two positions in five of an article start an established name by their
        // first character, few by their first two): passed over here, inlined, before
        // any recogniser is asked.
        let may_name = bits & starts::NAME != 0
            && (established.may_open_at(text, i)
                || learned.is_some_and(|t| t.may_open_at(text, i)));
        if bits & !starts::NAME == 0 && !may_name {
            i += 1;
            continue;
        }
        if bits & starts::TERM != 0 {
            if let Some((len, kind)) = options.terms.at(text, i) {
                spans.push(Found::Term {
                    start: i,
                    end: i + len,
                    kind,
                });
                i += len;
                continue;
            }
        }
        if bits & starts::TITLE != 0 {
            if let Some(d) = document::at(text, i) {
                i = d.end;
                spans.push(Found::Document {
                    start: d.start,
                    end: d.end,
                    sub: d.sub,
                });
                continue;
            }
        }
        if bits & starts::QUOTE != 0 {
            if let Some(end) = article.quoted_at(i) {
                spans.push(Found::Initiative { start: i, end });
                i = end;
                continue;
            }
        }
        let name = if may_name {
            initiative::name_at(text, i, learned)
        } else {
            None
        };
        let name = if name.is_none() && bits & starts::SLOGAN != 0 {
            initiative::numeric_slogan_at(text, i)
        } else {
            name
        };
        let (next, found) = if bits & (starts::FIGURE | starts::NOT_FIGURE) != 0 {
            figure_or_skip(text, i, spans.floor(), wanted.figures)
        } else {
            (i + 1, None)
        };
        match (name, found) {
            (Some(len), Some(f)) if f.end > i + len => {
                i = f.end;
                spans.push(Found::Figure(f));
                continue;
            }
            (Some(len), _) => {
                spans.push(Found::Initiative {
                    start: i,
                    end: i + len,
                });
                i += len;
                continue;
            }
            (None, Some(f)) => {
                i = f.end;
                spans.push(Found::Figure(f));
                continue;
            }
            (None, None) => {}
        }
        if bits & starts::HEAD != 0 {
            if let Some((len, ())) = lexicon::unquoted_heads().longest_at(text, i) {
                if let Some((start, end)) =
                    initiative::named_before(text, i, i + len, spans.floor())
                {
                    spans.push(Found::Initiative { start, end });
                    i = end;
                    continue;
                }
            }
        }
        i = next;
    }
    let mut items = spans.items;
    items.retain(|f| match f.kind() {
        Kind::Figure => wanted.figures,
        Kind::Initiative => wanted.initiatives,
        Kind::Document => wanted.documents,
    });
    items
}

/// The figure at `i`, or where to resume when there is none (past a number that is not
/// a figure, or past an excluded word such as 进一步).
fn figure_or_skip(text: &[char], i: usize, floor: usize, wanted: bool) -> (usize, Option<Figure>) {
    let excluded = lexicon::not_figures()
        .longest_at(text, i)
        .map_or(0, |(len, ())| len);
    let outcome = if figure::may_start(text[i]) {
        figure::at(text, i, floor)
    } else {
        Outcome::Nothing
    };
    match outcome {
        Outcome::Found(f) if f.end > i + excluded => (f.end, wanted.then_some(f)),
        Outcome::Skip(end) if end > i + excluded => (end, None),
        _ => (i + excluded.max(1), None),
    }
}

/// Turns what the scan found into entities (their text still empty: see
/// [`crate::extract_read`]).
pub(crate) fn to_entities(found: Vec<Found>) -> Vec<Entity> {
    found
        .into_iter()
        .map(|f| {
            let (start, end, kind) = (f.start(), f.end(), f.kind());
            let mut e = Entity {
                start,
                end,
                text: String::new(),
                kind,
                sub: None,
                value: None,
                unit: None,
                approx: None,
            };
            match f {
                Found::Figure(f) => {
                    e.sub = Some(f.sub);
                    e.value = Some(f.value);
                    e.unit = f.unit.map(str::to_owned);
                    e.approx = Some(f.approx);
                }
                Found::Document { sub, .. } => e.sub = Some(sub),
                Found::Initiative { .. } | Found::Term { .. } => {}
            }
            e
        })
        .collect()
}
