//! Entities as JSON text for the JS API, which parses them once with `JSON.parse`:
//! one string across the wasm boundary instead of a call per field, and no JSON
//! library in the shipped module.

use crate::entity::{Entity, Value};
use std::fmt::Write;

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whole numbers are written here; others by JavaScript's own `Number` formatting,
/// which gives the same shortest form as JSON and keeps Rust's float formatting (some
/// 20 KB) out of the module.
fn number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
    } else if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        let _ = write!(out, "{}", n as i64);
    } else {
        out.push_str(&String::from(
            js_sys::Number::from(n)
                .to_string_with_radix(10)
                .unwrap_or_else(|_| "null".into()),
        ));
    }
}

fn value(out: &mut String, v: &Value) {
    match v {
        Value::Number(n) => number(out, *n),
        Value::Range(a, b) => {
            out.push('[');
            number(out, *a);
            out.push(',');
            number(out, *b);
            out.push(']');
        }
        Value::Date(d) => string(out, d),
        Value::DateRange(a, b) => {
            out.push('[');
            string(out, a);
            out.push(',');
            string(out, b);
            out.push(']');
        }
    }
}

/// Appends one entity as a JSON object, with its offsets shifted by `base` (the start
/// of its block in the root's text model).
pub fn entity(out: &mut String, e: &Entity, base: usize) {
    out.push_str("{\"kind\":");
    string(out, e.kind.as_str());
    out.push_str(",\"sub\":");
    match e.sub {
        Some(s) => string(out, s.as_str()),
        None => out.push_str("null"),
    }
    out.push_str(",\"text\":");
    string(out, &e.text);
    out.push_str(",\"value\":");
    match &e.value {
        Some(v) => value(out, v),
        None => out.push_str("null"),
    }
    out.push_str(",\"unit\":");
    match &e.unit {
        Some(u) => string(out, u),
        None => out.push_str("null"),
    }
    out.push_str(",\"approx\":");
    match e.approx {
        Some(a) => string(out, a.as_str()),
        None => out.push_str("null"),
    }
    let _ = write!(
        out,
        ",\"start\":{},\"end\":{}}}",
        e.start + base,
        e.end + base
    );
}
