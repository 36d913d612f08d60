//! Custom terms from the embedding site or the CLI's `--terms FILE.json`: a list of
//! `{"text": …, "kind": "initiative"|"document"|"figure"}` that zhupi marks wherever
//! they occur, ahead of every built-in rule.
//!
//! Terms are validated once, when they are given, with an error that says which entry
//! is wrong; matching folds traditional characters as the text is folded, so a term
//! written in either script finds both.

use crate::chars::fold;
use crate::digits;
use crate::entity::Kind;
use crate::strings::concat;
use crate::words::WordTable;
use serde::Deserialize;
use std::fmt;
use std::sync::Arc;

/// One custom term.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub text: String,
    pub kind: Kind,
}

/// The longest term accepted, in characters.
pub const MAX_TERM: usize = 100;

/// A validated list of terms, compiled for lookup.
#[derive(Clone, Default)]
pub struct Terms {
    list: Vec<Term>,
    table: Option<Arc<WordTable<Kind>>>,
}

impl fmt::Debug for Terms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.list).finish()
    }
}

/// Why a list of terms was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum TermError {
    /// Not a JSON array of `{text, kind}` objects.
    Format(String),
    /// Entry `n` (from 0) has empty text.
    Empty(usize),
    /// Entry `n` is longer than [`MAX_TERM`] characters.
    TooLong(usize),
    /// Entry `n` holds a line break or another control character: a term is a phrase.
    ControlCharacter(usize),
}

impl TermError {
    /// The error as one sentence (written without `format!`: the page's module reads
    /// it, see `crate::digits`).
    pub fn message(&self) -> String {
        let term = |n: usize, what: &str| concat(&["term ", &digits::string(n as u64), what]);
        match self {
            TermError::Format(e) => concat(&[
                "terms must be a JSON array of {\"text\": …, \"kind\": \"figure\"|\"initiative\"|\"document\"}: ",
                e,
            ]),
            TermError::Empty(n) => term(*n, " has empty text"),
            TermError::TooLong(n) => term(
                *n,
                &concat(&[" is longer than ", &digits::string(MAX_TERM as u64), " characters"]),
            ),
            TermError::ControlCharacter(n) => term(*n, " holds a line break or control character"),
        }
    }
}

impl fmt::Display for TermError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for TermError {}

impl Terms {
    /// Validates and compiles a list of terms.
    pub fn new(list: Vec<Term>) -> Result<Terms, TermError> {
        for (n, t) in list.iter().enumerate() {
            let len = t.text.trim().chars().count();
            if len == 0 {
                return Err(TermError::Empty(n));
            }
            if len > MAX_TERM {
                return Err(TermError::TooLong(n));
            }
            if t.text.trim().chars().any(char::is_control) {
                return Err(TermError::ControlCharacter(n));
            }
        }
        let folded: Vec<(String, Kind)> = list
            .iter()
            .map(|t| (t.text.trim().chars().map(fold).collect(), t.kind))
            .collect();
        let table = (!folded.is_empty()).then(|| {
            Arc::new(WordTable::new(
                &folded
                    .iter()
                    .map(|(w, k)| (w.as_str(), *k))
                    .collect::<Vec<_>>(),
            ))
        });
        Ok(Terms { list, table })
    }

    /// Reads terms from JSON text.
    pub fn from_json(json: &str) -> Result<Terms, TermError> {
        let list: Vec<Term> =
            serde_json::from_str(json).map_err(|e| TermError::Format(e.to_string()))?;
        Terms::new(list)
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn list(&self) -> &[Term] {
        &self.list
    }

    /// The characters a term starts with.
    pub fn first_chars(&self) -> impl Iterator<Item = char> + '_ {
        self.table.iter().flat_map(|t| t.first_chars())
    }

    /// The longest term at `text[at]`: its length and kind.
    pub fn at(&self, text: &[char], at: usize) -> Option<(usize, Kind)> {
        self.table.as_ref()?.longest_at(text, at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_terms_validate_with_clear_errors() {
        let t = Terms::from_json(r#"[{"text": "头雁工程", "kind": "initiative"}]"#).unwrap();
        assert_eq!(t.list().len(), 1);
        let text: Vec<char> = "实施頭雁工程".chars().map(fold).collect();
        assert_eq!(t.at(&text, 2), Some((4, Kind::Initiative)));

        let e = Terms::from_json(r#"[{"text": "x", "kind": "slogan"}]"#).unwrap_err();
        assert!(matches!(e, TermError::Format(_)), "{e}");
        assert!(Terms::from_json("{").is_err());
        assert!(Terms::from_json(r#"[{"txt": "x", "kind": "figure"}]"#).is_err());
        assert_eq!(
            Terms::from_json(r#"[{"text": " ", "kind": "figure"}]"#).unwrap_err(),
            TermError::Empty(0)
        );
        let long = format!(
            r#"[{{"text": "{}", "kind": "document"}}]"#,
            "字".repeat(MAX_TERM + 1)
        );
        assert_eq!(Terms::from_json(&long).unwrap_err(), TermError::TooLong(0));
        let broken = r#"[{"text": "头雁\n工程", "kind": "initiative"}]"#;
        assert_eq!(
            Terms::from_json(broken).unwrap_err(),
            TermError::ControlCharacter(0)
        );
    }
}
