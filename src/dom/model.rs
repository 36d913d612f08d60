//! The text model: the text of a root element as the extractor reads it.
//!
//! The page is read once into **blocks**: runs of text that a reader sees as one
//! paragraph. Inline elements (`b`, `a`, `span` …) are continuous text, so
//! `增长<b>12.5</b>%` is one figure; block elements and `<br>` end a block, so nothing
//! matches across paragraphs. The model text is the blocks joined by `\n`; inside a
//! block, line breaks and tabs of the HTML source read as spaces, one character for one,
//! so every model character maps back to exactly one character of one text node.
//!
//! Which elements are read, skipped or end a block is decided in `page.js`
//! (`read_page`): walking the DOM from Rust crossed the wasm boundary for every node
//! and cost ten times more. The walk hands over the text nodes (kept in a JS array;
//! Rust holds their indexes), their text joined, and each node's UTF-16 length and
//! block number. Skipped: `script`, `style` and other non-text elements, form fields,
//! `[contenteditable]`, `[data-zhupi-skip]`, hidden subtrees (`hidden`,
//! `aria-hidden="true"`) and zhupi's own interface (`[data-zhupi-ui]`). Open shadow
//! roots are entered; same-origin iframes only with the `frames` option.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

#[wasm_bindgen(module = "/src/dom/page.js")]
extern "C" {
    /// What `read_page` returns.
    pub type PageText;
    #[wasm_bindgen(js_name = read_page)]
    fn read_page(root: &Element, frames: bool) -> PageText;
    #[wasm_bindgen(method, getter)]
    fn nodes(this: &PageText) -> Array;
    #[wasm_bindgen(method, getter)]
    fn text(this: &PageText) -> String;
    #[wasm_bindgen(method, getter)]
    fn layout(this: &PageText) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    fn shadows(this: &PageText) -> Array;
    #[wasm_bindgen(js_name = same_nodes)]
    fn same_nodes_js(a: &Array, ai: &[u32], b: &Array, bi: &[u32]) -> bool;
    /// The index of `node` in `nodes`, or -1.
    #[wasm_bindgen(js_name = index_of)]
    pub fn index_of(nodes: &Array, node: &web_sys::Node) -> i32;
}

/// One text node of a block.
#[derive(Clone, Copy, Debug)]
pub struct Piece {
    /// The node's index in its block's `nodes` array.
    pub node: u32,
    /// Where the node's text starts in the block, in code points and in bytes of
    /// `Block::text`.
    pub start: usize,
    pub byte: usize,
    /// Its length in code points.
    pub len: usize,
}

/// A paragraph of inline text.
#[derive(Clone)]
pub struct Block {
    /// The text nodes the pieces index (shared by the blocks of one reading).
    pub nodes: Array,
    pub pieces: Vec<Piece>,
    /// The block's text as the extractor reads it.
    pub text: String,
    pub len: usize,
}

impl Block {
    pub fn new(nodes: Array) -> Block {
        Block {
            nodes,
            pieces: Vec::new(),
            text: String::new(),
            len: 0,
        }
    }

    /// Appends the text of node `node`.
    pub fn push_piece(&mut self, node: u32, data: &str) {
        let (_, len, controls) = step_utf16(data.as_bytes(), 0, usize::MAX);
        self.push_measured(node, data, len, controls);
    }

    /// Appends the text of node `node`, `len` code points long, which holds a control
    /// character (a line break to read as a space, perhaps) when `controls`.
    fn push_measured(&mut self, node: u32, data: &str, len: usize, controls: bool) {
        let byte = self.text.len();
        if controls {
            self.text.extend(data.chars().map(layout_as_space));
        } else {
            self.text.push_str(data); // most text nodes: one copy
        }
        self.add_piece(node, byte, len);
    }

    fn add_piece(&mut self, node: u32, byte: usize, len: usize) {
        self.pieces.push(Piece {
            node,
            start: self.len,
            byte,
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

    /// The text of piece `p`, as the block reads it.
    pub fn piece_text(&self, p: usize) -> &str {
        let start = self.pieces[p].byte;
        let end = self.pieces.get(p + 1).map_or(self.text.len(), |n| n.byte);
        &self.text[start..end]
    }

    /// The text node of piece `p`.
    pub fn node(&self, p: usize) -> web_sys::Text {
        self.nodes.get(self.pieces[p].node).unchecked_into()
    }

    /// Does `other` hold the same text in the same text nodes?
    pub fn same_as(&self, other: &Block) -> bool {
        let mine: Vec<u32> = self.pieces.iter().map(|p| p.node).collect();
        let theirs: Vec<u32> = other.pieces.iter().map(|p| p.node).collect();
        self.text == other.text && same_nodes_js(&self.nodes, &mine, &other.nodes, &theirs)
    }
}

/// The whole root: its blocks and the open shadow roots met on the way.
pub struct Model {
    pub blocks: Vec<Block>,
    pub shadow_roots: Array,
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

/// Reads the text model of `root`.
pub fn read(root: &Element, frames: bool) -> Model {
    let page = read_page(root, frames);
    let nodes = page.nodes();
    let text = page.text();
    let layout = page.layout();
    let mut blocks = Vec::new();
    // A block's nodes are consecutive in the page's text: its pieces are measured as
    // they come, and its text is copied once, when it ends (`text[from..at]`).
    let mut current = Block::new(nodes.clone());
    let mut current_number = 0;
    let (mut from, mut at, mut controls) = (0, 0, false);
    let mut finish = |mut block: Block, from: usize, at: usize, controls: bool| {
        block.text = if controls {
            text[from..at].chars().map(layout_as_space).collect()
        } else {
            text[from..at].to_owned()
        };
        if !block.is_blank() {
            blocks.push(block);
        }
    };
    for (k, pair) in layout.chunks_exact(2).enumerate() {
        let (units, number) = (pair[0] as usize, pair[1]);
        if number != current_number {
            let done = std::mem::replace(&mut current, Block::new(nodes.clone()));
            finish(done, from, at, controls);
            (from, controls) = (at, false);
            current_number = number;
        }
        // The node's text: as many characters as make up its UTF-16 length.
        let (end, len, has_controls) = step_utf16(text.as_bytes(), at, units);
        current.add_piece(k as u32, at - from, len);
        controls |= has_controls;
        at = end;
    }
    finish(current, from, at, controls);
    Model {
        blocks,
        shadow_roots: page.shadows(),
    }
}

/// Layout whitespace the page's text may hold (`\n` in the HTML source), read as a
/// space. Other control characters are kept.
fn layout_as_space(c: char) -> char {
    if matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
        ' '
    } else {
        c
    }
}

/// Steps over `units` UTF-16 code units of the UTF-8 `bytes`, from byte `at`: the byte
/// offset reached, the code points passed, and whether one was a control character.
/// One pass over bytes, no decoding: this runs over every character of the page.
fn step_utf16(bytes: &[u8], mut at: usize, units: usize) -> (usize, usize, bool) {
    let (mut taken, mut code_points, mut controls) = (0, 0, false);
    while taken < units && at < bytes.len() {
        let b = bytes[at];
        controls |= b < 0x20;
        let (width, utf16) = match b {
            0..=0x7F => (1, 1),
            0x80..=0xDF => (2, 1),
            0xE0..=0xEF => (3, 1),
            _ => (4, 2),
        };
        at += width;
        taken += utf16;
        code_points += 1;
    }
    (at.min(bytes.len()), code_points, controls)
}
