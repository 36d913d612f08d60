//! What the DOM layer is asked to do, as plain values.
//!
//! The JS API's `options` object (`{ kinds, mode, observe, frames, terms }`) is checked
//! in `www/zhupi.js`, which says exactly which field is wrong, and arrives here already
//! taken apart: a bit per kind, two flags and the terms as two parallel lists. Reading
//! a JS object field by field from Rust cost 2 KB of the gzipped module for what the
//! harness does in a few lines. The terms are still validated here, by the same
//! [`Terms::new`] the CLI uses, so the page and the CLI accept the same terms.
//! (`observe` never reaches Rust: the harness watches the page and calls `refresh()`.)

use zhupi_core::strings::concat;
use zhupi_core::{Kind, Options, Term, Terms};

/// How highlights are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The CSS Custom Highlight API: the page's DOM is not touched.
    Highlight,
    /// `<mark class="zhupi …">` around each entity, restored exactly by `clear()`.
    Wrap,
}

/// Everything the DOM layer needs to know.
pub struct DomOptions {
    pub extract: Options,
    pub mode: Mode,
    pub frames: bool,
}

/// The kinds whose bit is set in `kinds`: bit `k` is [`Kind::ALL`]`[k]`.
pub fn kinds_of(kinds: u8) -> Vec<Kind> {
    Kind::ALL
        .into_iter()
        .enumerate()
        .filter(|(k, _)| kinds & (1 << k) != 0)
        .map(|(_, kind)| kind)
        .collect()
}

/// The terms `texts[n]` of kind `Kind::ALL[kinds[n]]`, validated.
pub fn terms(texts: Vec<String>, kinds: &[u8]) -> Result<Terms, String> {
    let mut list = Vec::with_capacity(texts.len());
    for (text, &k) in texts.into_iter().zip(kinds) {
        let kind = *Kind::ALL
            .get(k as usize)
            .ok_or("options.terms: a kind out of range")?;
        list.push(Term { text, kind });
    }
    Terms::new(list).map_err(|e| concat(&["options.terms: ", &e.message()]))
}
