//! Initiatives: named programmes, campaigns and policy lines (spec section 2).
//!
//! Before the scan, [`Article::read`] looks at the article's quotation marks only — a
//! pass that touches nothing else — and judges each quotation once, with what the
//! whole article says about it (is the same quote repeated, is it ever followed by a
//! head noun). The names it accepts are also learned, so that the article's later
//! unquoted mentions of them are found. The scan then asks [`Article::quoted_at`] at a
//! quotation mark, and [`unquoted`] elsewhere.

mod quoted;
mod unquoted;

pub use quoted::closing_for;
pub use unquoted::{may_open_slogan, name_at, named_before, numeric_slogan_at};

use crate::words::WordTable;
use quoted::QuoteFacts;

/// What the article's quotations are: the initiatives among them, by opening position,
/// and the names learned from them.
pub struct Article {
    quoted: Vec<(usize, usize)>,
    learned: Option<WordTable<()>>,
}

impl Article {
    /// Reads the article's quotations.
    pub fn read(text: &[char]) -> Article {
        let mut pairs = Vec::new();
        let mut facts = QuoteFacts::default();
        let mut i = 0;
        while i < text.len() {
            if closing_for(text[i]).is_some() {
                if let Some(close) = quoted::close_of(text, i) {
                    let head = quoted::head_after(text, close).is_some();
                    facts.record(&text[i + 1..close], head);
                    pairs.push((i, close));
                    i = close + 1;
                    continue;
                }
            }
            i += 1;
        }
        facts.finish();
        let mut initiatives = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for (open, close) in pairs {
            if let Some(end) = quoted::judge(text, open, close, &facts) {
                initiatives.push((open, end));
                // The name without its quotes, head noun included (头雁工程), and the
                // quoted words alone where they stand as a name (十四五 of “十四五”规划).
                let content = &text[open + 1..close];
                let with_head: String = content
                    .iter()
                    .chain(&text[close + 1..end])
                    .filter(|c| !c.is_whitespace())
                    .collect();
                // Learned for the rest of the article only on evidence of its own: a
                // head noun or a name that stands alone. A quote taken for being in a
                // run (`“职业闭店”“安全闭店”`) is not repeated through the article.
                let (headed, alone) = (end > close + 1, quoted::stands_alone(content));
                if (headed || alone) && with_head.chars().count() >= 3 {
                    names.push(with_head);
                }
                if headed && alone && content.len() >= 3 {
                    names.push(content.iter().collect());
                }
            }
        }
        let learned = (!names.is_empty())
            .then(|| WordTable::new(&names.iter().map(|n| (n.as_str(), ())).collect::<Vec<_>>()));
        Article {
            quoted: initiatives,
            learned,
        }
    }

    /// The end of the quoted initiative that opens at `at`, if the quotation there is one.
    pub fn quoted_at(&self, at: usize) -> Option<usize> {
        self.quoted
            .binary_search_by_key(&at, |(open, _)| *open)
            .ok()
            .map(|k| self.quoted[k].1)
    }

    /// Names learned from the article's quotations.
    pub fn learned(&self) -> Option<&WordTable<()>> {
        self.learned.as_ref()
    }
}

#[cfg(test)]
mod tests;
