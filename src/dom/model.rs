//! The text model: the text of a root element as the extractor reads it.
//!
//! The page is walked once into **blocks**: runs of text that a reader sees as one
//! paragraph. Inline elements (`b`, `a`, `span` …) are continuous text, so
//! `增长<b>12.5</b>%` is one figure; block elements and `<br>` end a block, so nothing
//! matches across paragraphs. The model text is the blocks joined by `\n`; inside a
//! block, line breaks and tabs of the HTML source read as spaces, one character for one,
//! so every model character maps back to exactly one character of one text node.
//!
//! Skipped: `script`, `style` and other non-text elements, form fields,
//! `[contenteditable]`, `[data-zhupi-skip]`, hidden subtrees (`hidden`,
//! `aria-hidden="true"`) and zhupi's own interface (`[data-zhupi-ui]`). Open shadow
//! roots are entered; same-origin iframes only with the `frames` option.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlIFrameElement, Node, ShadowRoot, Text};

/// One text node of a block.
pub struct TextPiece {
    pub node: Text,
    /// Where the node's text starts in its block, in code points.
    pub start: usize,
    /// The node's text, as the page has it.
    pub data: String,
    /// Its length in code points.
    pub len: usize,
}

/// A paragraph of inline text.
#[derive(Default)]
pub struct Block {
    pub pieces: Vec<TextPiece>,
    /// The block's text as the extractor reads it.
    pub text: String,
    pub len: usize,
}

impl Block {
    /// Appends a text node to the block.
    pub fn push_piece(&mut self, node: Text, data: String) {
        let len = data.chars().count();
        self.text.extend(data.chars().map(|c| {
            if matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
                ' '
            } else {
                c
            }
        }));
        self.pieces.push(TextPiece {
            node,
            start: self.len,
            data,
            len,
        });
        self.len += len;
    }

    fn is_blank(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }

    /// The piece that holds code point `cp` of the block (the last piece for the end).
    pub fn piece_at(&self, cp: usize) -> usize {
        match self.pieces.binary_search_by(|p| p.start.cmp(&cp)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

/// The whole root: its blocks and the open shadow roots met on the way.
#[derive(Default)]
pub struct Model {
    pub blocks: Vec<Block>,
    pub shadow_roots: Vec<ShadowRoot>,
}

impl Model {
    /// The model text: blocks joined by line breaks, and where each block starts in it.
    pub fn joined(&self) -> (String, Vec<usize>) {
        let mut text = String::with_capacity(self.blocks.iter().map(|b| b.text.len() + 1).sum());
        let mut starts = Vec::with_capacity(self.blocks.len());
        let mut at = 0;
        for (k, b) in self.blocks.iter().enumerate() {
            if k > 0 {
                text.push('\n');
                at += 1;
            }
            starts.push(at);
            text.push_str(&b.text);
            at += b.len;
        }
        (text, starts)
    }
}

/// Elements whose content is not article text.
const SKIPPED: &[&str] = &[
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "INPUT", "SELECT", "OPTION", "BUTTON",
    "HEAD", "TITLE", "META", "LINK", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "OBJECT", "EMBED",
];

/// Elements that start and end a block.
const BLOCKS: &[&str] = &[
    "ADDRESS",
    "ARTICLE",
    "ASIDE",
    "BLOCKQUOTE",
    "BODY",
    "CAPTION",
    "CENTER",
    "DD",
    "DETAILS",
    "DIALOG",
    "DIV",
    "DL",
    "DT",
    "FIELDSET",
    "FIGCAPTION",
    "FIGURE",
    "FOOTER",
    "FORM",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "HEADER",
    "HGROUP",
    "HR",
    "HTML",
    "LEGEND",
    "LI",
    "MAIN",
    "MENU",
    "NAV",
    "OL",
    "P",
    "PRE",
    "SECTION",
    "SUMMARY",
    "TABLE",
    "TBODY",
    "TD",
    "TFOOT",
    "TH",
    "THEAD",
    "TR",
    "UL",
];

/// Elements whose own text children are layout whitespace, never wrapped: a `<mark>`
/// may not be their child.
const NO_TEXT_CHILDREN: &[&str] = &[
    "TABLE", "TBODY", "THEAD", "TFOOT", "TR", "UL", "OL", "SELECT", "COLGROUP", "DL",
];

fn listed(list: &[&str], tag: &str) -> bool {
    list.iter().any(|t| t.eq_ignore_ascii_case(tag))
}

/// Is this element a block boundary? Shared with the observer, which re-reads blocks.
pub fn is_block_tag(tag: &str) -> bool {
    listed(BLOCKS, tag)
}

/// The element and everything in it are left out of the model.
pub fn is_skipped(el: &Element, tag: &str) -> bool {
    if listed(SKIPPED, tag) {
        return true;
    }
    if !el.has_attributes() {
        return false;
    }
    el.has_attribute("hidden")
        || el.has_attribute("data-zhupi-skip")
        || el.has_attribute("data-zhupi-ui")
        || el.get_attribute("aria-hidden").as_deref() == Some("true")
        || el
            .get_attribute("contenteditable")
            .is_some_and(|v| !v.eq_ignore_ascii_case("false"))
}

struct Walker {
    model: Model,
    current: Block,
    frames: bool,
}

impl Walker {
    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        if !block.is_blank() {
            self.model.blocks.push(block);
        }
    }

    fn children(&mut self, parent: &Node, text_allowed: bool) {
        let mut child = parent.first_child();
        while let Some(node) = child {
            match node.node_type() {
                Node::TEXT_NODE if text_allowed => {
                    let text: Text = node.clone().unchecked_into();
                    let data = text.data();
                    if !data.is_empty() {
                        self.current.push_piece(text, data);
                    }
                }
                Node::ELEMENT_NODE => self.element(node.unchecked_ref::<Element>()),
                _ => {}
            }
            child = node.next_sibling();
        }
    }

    fn element(&mut self, el: &Element) {
        let tag = el.tag_name();
        if is_skipped(el, &tag) {
            return;
        }
        if tag.eq_ignore_ascii_case("BR") {
            self.flush();
            return;
        }
        let block = is_block_tag(&tag);
        if block {
            self.flush();
        }
        if let Some(shadow) = el.shadow_root() {
            self.flush();
            self.children(&shadow, true);
            self.flush();
            self.model.shadow_roots.push(shadow);
        }
        if self.frames && tag.eq_ignore_ascii_case("IFRAME") {
            // Cross-origin frames have no content document: nothing to read.
            let body = el
                .dyn_ref::<HtmlIFrameElement>()
                .and_then(HtmlIFrameElement::content_document)
                .and_then(|d| d.body());
            if let Some(body) = body {
                self.flush();
                self.children(&body, true);
                self.flush();
            }
        }
        self.children(el, !listed(NO_TEXT_CHILDREN, &tag));
        if block {
            self.flush();
        }
    }
}

/// Reads the text model of `root`.
pub fn read(root: &Element, frames: bool) -> Model {
    let mut w = Walker {
        model: Model::default(),
        current: Block::default(),
        frames,
    };
    w.element_root(root);
    w.flush();
    w.model
}

impl Walker {
    /// The root itself is read even if it is a skipped kind of element (a caller asked
    /// for it), but never if it is zhupi's own interface.
    fn element_root(&mut self, root: &Element) {
        if root.has_attribute("data-zhupi-ui") {
            return;
        }
        if let Some(shadow) = root.shadow_root() {
            self.children(&shadow, true);
            self.flush();
            self.model.shadow_roots.push(shadow);
        }
        let tag = root.tag_name();
        self.children(root, !listed(NO_TEXT_CHILDREN, &tag));
    }
}
