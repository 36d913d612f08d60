//! Rendering with the CSS Custom Highlight API: one named highlight per kind
//! (`zhupi-figure`, `zhupi-initiative`, `zhupi-document`) holding a `StaticRange` per
//! entity, styled by `::highlight()` rules. The page's DOM is not modified at all.
//!
//! web-sys has no stable binding for `Highlight.add` or `HighlightRegistry.set`, so the
//! few members used are bound here. A document's [`Surface`] is its registry, its three
//! highlights and zhupi's stylesheet (adopted by the document and by each open shadow
//! root, where document styles do not reach).

use crate::Kind;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, ShadowRoot};

#[wasm_bindgen]
extern "C" {
    /// A set of ranges painted with one `::highlight()` style.
    #[derive(Clone)]
    pub type Highlight;
    #[wasm_bindgen(method, getter)]
    fn size(this: &Highlight) -> u32;

    /// `CSS.highlights`.
    pub type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn get(this: &HighlightRegistry, name: &str) -> JsValue;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    #[wasm_bindgen(method, js_name = delete)]
    fn remove(this: &HighlightRegistry, name: &str) -> bool;

    /// A constructed stylesheet.
    #[derive(Clone)]
    pub type CssSheet;
    #[wasm_bindgen(method, js_name = replaceSync, catch)]
    fn replace_sync(this: &CssSheet, text: &str) -> Result<(), JsValue>;
}

#[wasm_bindgen(module = "/src/dom/page.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn make_ranges(nodes: &Array, offsets: &[u32], highlights: &Array) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch)]
    fn remove_ranges(
        ranges: &Array,
        from: u32,
        which: &[u8],
        highlights: &Array,
    ) -> Result<(), JsValue>;
}

/// The highlight name of a kind.
pub fn name(kind: Kind) -> &'static str {
    match kind {
        Kind::Figure => "zhupi-figure",
        Kind::Initiative => "zhupi-initiative",
        Kind::Document => "zhupi-document",
    }
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// What one document needs to show entities: zhupi's stylesheet, and in highlight
/// mode the registry and one highlight per kind.
pub struct Surface {
    pub document: Document,
    highlights: Option<(HighlightRegistry, Array)>,
    sheet: Option<CssSheet>,
}

/// The document's highlight registry and one highlight per kind (in [`Kind::ALL`]
/// order), or `None` where the browser lacks the Custom Highlight API.
fn highlights_of(window: &JsValue) -> Option<(HighlightRegistry, Array)> {
    let registry: HighlightRegistry = get(&get(window, "CSS")?, "highlights")?.unchecked_into();
    let ctor: Function = get(window, "Highlight")?.dyn_into().ok()?;
    let highlights = Array::new();
    for kind in Kind::ALL {
        // Share a highlight another annotation of this page already registered.
        let existing = registry.get(name(kind));
        let h: Highlight = if existing.is_undefined() {
            let h: Highlight = Reflect::construct(&ctor, &Array::new())
                .ok()?
                .unchecked_into();
            registry.set(name(kind), &h);
            h
        } else {
            existing.unchecked_into()
        };
        highlights.push(&h);
    }
    Some((registry, highlights))
}

/// Whether this browser has the Custom Highlight API (for choosing the mode).
pub fn supported(document: &Document) -> bool {
    document.default_view().is_some_and(|w| {
        let w: JsValue = w.into();
        get(&w, "CSS")
            .and_then(|css| get(&css, "highlights"))
            .is_some()
            && get(&w, "Highlight").is_some()
    })
}

impl Surface {
    /// The document's surface: its stylesheet, and its highlights when `draw_ranges`.
    pub fn of(document: &Document, css: &str, draw_ranges: bool) -> Option<Surface> {
        let window: JsValue = document.default_view()?.into();
        let highlights = if draw_ranges {
            Some(highlights_of(&window)?)
        } else {
            None
        };
        let sheet = sheet_for(&window, css);
        let mut surface = Surface {
            document: document.clone(),
            highlights,
            sheet,
        };
        surface.adopt(document.as_ref());
        Some(surface)
    }

    /// Adds zhupi's stylesheet to a document or shadow root, once.
    fn adopt(&mut self, target: &JsValue) {
        let Some(sheet) = &self.sheet else { return };
        let Some(list) = get(target, "adoptedStyleSheets").and_then(|l| l.dyn_into::<Array>().ok())
        else {
            return;
        };
        if !list.includes(sheet, 0) {
            let with = list.concat(&Array::of1(sheet));
            let _ = Reflect::set(target, &JsValue::from_str("adoptedStyleSheets"), &with);
        }
    }

    pub fn adopt_shadow(&mut self, shadow: &ShadowRoot) {
        self.adopt(shadow.as_ref());
    }

    /// Draws ranges: `nodes` and `offsets` as [`make_ranges`] takes them.
    pub fn draw(&self, nodes: &Array, offsets: &[u32]) -> Result<Array, JsValue> {
        let (_, highlights) = self
            .highlights
            .as_ref()
            .ok_or_else(|| JsValue::from_str("no highlights"))?;
        make_ranges(nodes, offsets, highlights)
    }

    /// Removes `ranges[from..from + which.len()]`, drawn by [`Surface::draw`]; `which`
    /// is each range's kind index.
    pub fn erase(&self, ranges: &Array, from: u32, which: &[u8]) {
        if let Some((_, highlights)) = &self.highlights {
            let _ = remove_ranges(ranges, from, which, highlights);
        }
    }

    /// Unregisters zhupi's highlights that no annotation uses any more. (The
    /// stylesheet stays; see the module's notes.)
    pub fn release(&mut self) {
        if let Some((registry, highlights)) = &self.highlights {
            for (k, kind) in Kind::ALL.into_iter().enumerate() {
                let h: Highlight = highlights.get(k as u32).unchecked_into();
                let ours = registry.get(name(kind)) == JsValue::from(h.clone());
                if ours && h.size() == 0 {
                    registry.remove(name(kind));
                }
            }
        }
    }
}

thread_local! {
    /// zhupi's stylesheet, one per window: adopted once, kept.
    static SHEETS: std::cell::RefCell<Vec<(JsValue, CssSheet)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The window's zhupi stylesheet, made on first use.
fn sheet_for(window: &JsValue, css: &str) -> Option<CssSheet> {
    if let Some(sheet) = SHEETS.with(|s| {
        s.borrow()
            .iter()
            .find(|(w, _)| w == window)
            .map(|(_, sheet)| sheet.clone())
    }) {
        return Some(sheet);
    }
    let ctor: Function = get(window, "CSSStyleSheet")?.dyn_into().ok()?;
    let sheet: CssSheet = Reflect::construct(&ctor, &Array::new())
        .ok()?
        .unchecked_into();
    sheet.replace_sync(css).ok()?;
    SHEETS.with(|s| s.borrow_mut().push((window.clone(), sheet.clone())));
    Some(sheet)
}

/// The index of a kind in a surface's highlights.
pub fn kind_index(kind: Kind) -> u8 {
    match kind {
        Kind::Figure => 0,
        Kind::Initiative => 1,
        Kind::Document => 2,
    }
}
