//! The JS API's `options` object, read into Rust with a clear error for each mistake:
//! `{ kinds, mode: "highlight"|"wrap", observe, frames, terms }`.

use crate::{Kind, Options, Term, Terms};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

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
    pub observe: bool,
    pub frames: bool,
}

fn field(obj: &JsValue, name: &str) -> Result<JsValue, String> {
    Reflect::get(obj, &JsValue::from_str(name))
        .map_err(|_| ["options.", name, " cannot be read"].concat())
}

fn kinds(value: &JsValue) -> Result<Vec<Kind>, String> {
    let names: Vec<String> = if let Some(s) = value.as_string() {
        s.split(',')
            .map(|k| k.trim().to_owned())
            .filter(|k| !k.is_empty())
            .collect()
    } else if let Some(list) = value.dyn_ref::<Array>() {
        list.iter()
            .map(|k| {
                k.as_string()
                    .ok_or_else(|| "options.kinds must hold strings".to_owned())
            })
            .collect::<Result<_, _>>()?
    } else {
        return Err("options.kinds must be an array such as [\"figure\", \"document\"] or a string \"figure,document\"".into());
    };
    names
        .iter()
        .map(|n| {
            Kind::parse(n).ok_or_else(|| {
                [
                    "unknown kind '",
                    n,
                    "' in options.kinds (figure, initiative, document)",
                ]
                .concat()
            })
        })
        .collect()
}

/// `options.terms[n` + `rest`.
fn entry(n: usize, rest: &str) -> String {
    ["options.terms[", &crate::digits::string(n as u64), rest].concat()
}

fn terms(value: &JsValue) -> Result<Terms, String> {
    let list = value
        .dyn_ref::<Array>()
        .ok_or("options.terms must be an array of {text, kind}")?;
    let mut terms = Vec::with_capacity(list.length() as usize);
    for (n, item) in list.iter().enumerate() {
        let text = field(&item, "text").ok().and_then(|t| t.as_string());
        let kind = field(&item, "kind")
            .ok()
            .and_then(|k| k.as_string())
            .and_then(|k| Kind::parse(&k));
        match (text, kind) {
            (Some(text), Some(kind)) => terms.push(Term { text, kind }),
            (None, _) => return Err(entry(n, "].text must be a string")),
            (_, None) => return Err(entry(n, "].kind must be figure, initiative or document")),
        }
    }
    Terms::new(terms).map_err(|e| ["options.terms: ", &e.message()].concat())
}

/// Reads `options` (which may be `undefined`).
pub fn read(options: &JsValue) -> Result<DomOptions, String> {
    let mut out = DomOptions {
        extract: Options::default(),
        mode: Mode::Highlight,
        observe: false,
        frames: false,
    };
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() {
        return Err(
            "options must be an object such as { kinds: [\"figure\"], mode: \"wrap\" }".into(),
        );
    }
    let k = field(options, "kinds")?;
    if !k.is_undefined() && !k.is_null() {
        out.extract.kinds = kinds(&k)?;
    }
    let mode = field(options, "mode")?;
    out.mode = match mode.as_string().as_deref() {
        None if mode.is_undefined() || mode.is_null() => Mode::Highlight,
        Some("highlight") => Mode::Highlight,
        Some("wrap") => Mode::Wrap,
        _ => return Err("options.mode must be \"highlight\" or \"wrap\"".into()),
    };
    out.observe = field(options, "observe")?.is_truthy();
    out.frames = field(options, "frames")?.is_truthy();
    let t = field(options, "terms")?;
    if !t.is_undefined() && !t.is_null() {
        out.extract.terms = terms(&t)?;
    }
    Ok(out)
}
