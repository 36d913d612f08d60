//! Rendering with the CSS Custom Highlight API: one named highlight per kind
//! (`zhupi-figure`, `zhupi-initiative`, `zhupi-document`) holding a `StaticRange` per
//! entity, styled by `::highlight()` rules. The page's DOM is not modified at all.
//!
//! A document's [`Surface`] is its three highlights (in highlight mode) and zhupi's
//! stylesheet, adopted by the document and by each open shadow root, where document
//! styles do not reach. web-sys has no stable binding for `Highlight` or
//! `CSS.highlights`, and each call bound from Rust costs an import and a glue shim, so
//! the calls themselves are the few lines of the "surfaces" part of `page.js`; this
//! module decides when they are made.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Document, ShadowRoot};
use zhupi_core::Kind;

#[wasm_bindgen(module = "/src/dom/page.js")]
extern "C" {
    /// A document's stylesheet and highlights, as `page.js` keeps them.
    type JsSurface;
    fn has_highlights(window: &JsValue) -> bool;
    fn make_surface(document: &Document, css: &str, draw_ranges: bool) -> Option<JsSurface>;
    fn adopt_sheet(surface: &JsSurface, target: &JsValue);
    fn release_surface(surface: &JsSurface, before: bool);
    #[wasm_bindgen(catch)]
    fn make_ranges(nodes: &Array, offsets: &[u32], surface: &JsSurface) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch)]
    fn remove_ranges(
        ranges: &Array,
        from: u32,
        which: &[u8],
        surface: &JsSurface,
    ) -> Result<(), JsValue>;
}

/// What one document needs to show entities: zhupi's stylesheet, and in highlight
/// mode the registered highlights.
pub struct Surface {
    pub document: Document,
    surface: JsSurface,
    draws_ranges: bool,
}

/// Whether this browser has the Custom Highlight API (for choosing the mode).
pub fn supported(document: &Document) -> bool {
    document
        .default_view()
        .is_some_and(|w| has_highlights(w.as_ref()))
}

impl Surface {
    /// The document's surface: its stylesheet, and its highlights when `draw_ranges`;
    /// `None` where the document has no window, or no highlights when they are needed.
    pub fn of(document: &Document, css: &str, draw_ranges: bool) -> Option<Surface> {
        Some(Surface {
            document: document.clone(),
            surface: make_surface(document, css, draw_ranges)?,
            draws_ranges: draw_ranges,
        })
    }

    pub fn adopt_shadow(&mut self, shadow: &ShadowRoot) {
        adopt_sheet(&self.surface, shadow.as_ref());
    }

    /// Draws ranges: `nodes` and `offsets` as `make_ranges` in `page.js` takes them.
    pub fn draw(&self, nodes: &Array, offsets: &[u32]) -> Result<Array, JsValue> {
        if !self.draws_ranges {
            return Err(JsValue::from_str("no highlights"));
        }
        make_ranges(nodes, offsets, &self.surface)
    }

    /// Removes `ranges[from..from + which.len()]`, drawn by [`Surface::draw`]; `which`
    /// is each range's kind index.
    pub fn erase(&self, ranges: &Array, from: u32, which: &[u8]) {
        if self.draws_ranges {
            let _ = remove_ranges(ranges, from, which, &self.surface);
        }
    }

    /// Clearing: `before` the ranges are erased, takes the highlights out of the
    /// page's registry and has [`Surface::erase`] only note the ranges; after, empties
    /// each highlight at once, keeps what another annotation has there and puts back
    /// those still in use (deleting range by range is quadratic in Firefox and WebKit).
    /// (The stylesheet stays adopted.)
    pub fn release(&self, before: bool) {
        release_surface(&self.surface, before);
    }
}

/// The index of a kind in a surface's highlights.
pub fn kind_index(kind: Kind) -> u8 {
    match kind {
        Kind::Figure => 0,
        Kind::Initiative => 1,
        Kind::Document => 2,
    }
}
