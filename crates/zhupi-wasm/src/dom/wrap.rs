//! Rendering by wrapping: each entity's text in `<mark class="zhupi zhupi-figure"
//! data-zhupi-id=…>`, for browsers without the Custom Highlight API or with
//! `mode: "wrap"`.
//!
//! A text node with entities is replaced by a fragment of new text nodes and marks; the
//! original node object is kept aside, untouched, and `clear()` puts that very node
//! back. So the page gets back the same nodes, the same `innerHTML` and the same number
//! of text nodes, and a framework holding a reference to a text node still holds the
//! page's node. Text directly inside `table`, `tr`, `ul` … is never in the model (see
//! `model`), so a mark is never their direct child.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node, Text};
use zhupi_core::strings::concat;
use zhupi_core::Kind;

/// One text node replaced by marks, and how to undo it.
pub struct Wrapped {
    original: Text,
    inserted: Vec<Node>,
}

/// A part of a text node to mark: code points `start..end` of the node, its kind and
/// the entity's id.
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub id: u32,
}

/// Replaces the text node `node` by its text with `segments` marked. Returns the undo
/// record and the text nodes that now hold the text, in order, with their text.
pub fn wrap(
    document: &Document,
    node: &Text,
    segments: &[Segment],
) -> Result<(Wrapped, Vec<(Text, String)>), JsValue> {
    let parent = node
        .parent_node()
        .ok_or_else(|| JsValue::from_str("text node has no parent"))?;
    let fragment = document.create_document_fragment();
    let chars: Vec<char> = node.data().chars().collect();
    let mut inserted: Vec<Node> = Vec::new();
    let mut texts: Vec<(Text, String)> = Vec::new();
    let mut at = 0;
    let plain = |from: usize,
                 to: usize,
                 inserted: &mut Vec<Node>,
                 texts: &mut Vec<(Text, String)>|
     -> Result<(), JsValue> {
        if from < to {
            let s: String = chars[from..to].iter().collect();
            let t = document.create_text_node(&s);
            fragment.append_child(&t)?;
            inserted.push(t.clone().into());
            texts.push((t, s));
        }
        Ok(())
    };
    for seg in segments {
        let (start, end) = (seg.start.max(at).min(chars.len()), seg.end.min(chars.len()));
        if start >= end {
            continue;
        }
        plain(at, start, &mut inserted, &mut texts)?;
        let mark = mark(document, seg)?;
        let s: String = chars[start..end].iter().collect();
        let t = document.create_text_node(&s);
        mark.append_child(&t)?;
        fragment.append_child(&mark)?;
        inserted.push(mark.into());
        texts.push((t, s));
        at = end;
    }
    plain(at, chars.len(), &mut inserted, &mut texts)?;
    parent.replace_child(&fragment, node)?;
    Ok((
        Wrapped {
            original: node.clone(),
            inserted,
        },
        texts,
    ))
}

fn mark(document: &Document, seg: &Segment) -> Result<Element, JsValue> {
    let mark = document.create_element("mark")?;
    mark.set_class_name(&concat(&["zhupi zhupi-", seg.kind.as_str()]));
    mark.set_attribute("data-zhupi-id", &zhupi_core::digits::string(seg.id as u64))?;
    Ok(mark)
}

/// Puts the original text node back where the marks are, and removes them. Does nothing
/// if the page has already taken the marks out of the document.
pub fn unwrap(w: &Wrapped) {
    let Some(first) = w.inserted.first() else {
        return;
    };
    let Some(parent) = first.parent_node() else {
        return;
    };
    if parent.insert_before(&w.original, Some(first)).is_err() {
        return;
    }
    for node in &w.inserted {
        if let Some(p) = node.parent_node() {
            let _ = p.remove_child(node);
        }
    }
}
