//! A small JSON writer for entities, shared by the exports (CLI and page) and the DOM
//! layer's entity list, so the shipped WebAssembly needs no JSON library.
//!
//! Numbers that are not whole are written by a formatter the caller passes: the CLI
//! uses Rust's shortest round-trip formatting, the page uses JavaScript's `Number`
//! (which keeps Rust's float formatting, some 20 KB, out of the module). Both give the
//! same digits for the values zhupi produces.

use crate::digits;
use crate::entity::{Entity, Value};

/// Writes a number that is not whole.
pub type Decimal<'a> = &'a dyn Fn(&mut String, f64);

/// Rust's shortest round-trip formatting, for native builds.
pub fn rust_decimal(out: &mut String, n: f64) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

const HEX: &[u8; 16] = b"0123456789abcdef";

pub fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[c as usize >> 4] as char);
                out.push(HEX[c as usize & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

pub fn number(out: &mut String, n: f64, decimal: Decimal) {
    if !n.is_finite() {
        out.push_str("null");
    } else if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        digits::push_signed(out, n as i64);
    } else {
        decimal(out, n);
    }
}

pub fn value(out: &mut String, v: &Value, decimal: Decimal) {
    match v {
        Value::Number(n) => number(out, *n, decimal),
        Value::Range(a, b) => {
            out.push('[');
            number(out, *a, decimal);
            out.push(',');
            number(out, *b, decimal);
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

fn optional(out: &mut String, v: Option<&str>) {
    match v {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// The fields of an entity, without the braces, offsets shifted by `base` (the start
/// of its block in a page's text model).
pub fn entity_fields(out: &mut String, e: &Entity, base: usize, decimal: Decimal) {
    out.push_str("\"kind\":");
    string(out, e.kind.as_str());
    out.push_str(",\"sub\":");
    optional(out, e.sub.map(|s| s.as_str()));
    out.push_str(",\"text\":");
    string(out, &e.text);
    out.push_str(",\"value\":");
    match &e.value {
        Some(v) => value(out, v, decimal),
        None => out.push_str("null"),
    }
    out.push_str(",\"unit\":");
    optional(out, e.unit.as_deref());
    out.push_str(",\"approx\":");
    optional(out, e.approx.map(|a| a.as_str()));
    out.push_str(",\"start\":");
    digits::push(out, (e.start + base) as u64);
    out.push_str(",\"end\":");
    digits::push(out, (e.end + base) as u64);
}

/// One entity as a JSON object.
pub fn entity(out: &mut String, e: &Entity, base: usize, decimal: Decimal) {
    out.push('{');
    entity_fields(out, e, base, decimal);
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Options};

    #[test]
    fn agrees_with_serde_on_every_field() {
        let text =
            "覆盖3.47万人，增长9.1%，价格5.6到5.78元，2019年4月，实施“头雁”工程，出台《办法》";
        for e in extract(text, &Options::default()) {
            let mut mine = String::new();
            entity(&mut mine, &e, 0, &rust_decimal);
            let ours: serde_json::Value = serde_json::from_str(&mine).unwrap();
            let theirs = serde_json::to_value(&e).unwrap();
            for (k, v) in theirs.as_object().unwrap() {
                assert_eq!(&ours[k], v, "{k} of {}", e.text);
            }
        }
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\nd");
        assert_eq!(out, r#""a\"b\\c\u000ad""#);
    }
}
