//! The text model: the text of a root element as the extractor reads it.
//!
//! The page is read once into **blocks**: runs of text that a reader sees as one
//! paragraph. Inline elements (`b`, `a`, `span` …) are continuous text, so
//! `增长<b>12.5</b>%` is one figure; block elements and `<br>` end a block, so nothing
//! matches across paragraphs. The model text is the blocks joined by `\n`; inside a
//! block, line breaks and tabs of the HTML source read as spaces, one character for one,
//! so every model character maps back to exactly one character of one text node.
//!
//! The page's text arrives as one string, and is read in one pass over it: straight
//! into the folded code points the extractor reads ([`Model::chars`]), while each
//! block keeps only where its text lies in the shared string. A megabyte of article is
//! neither copied per block nor joined again, nor decoded twice.
//!
//! Which elements are read, skipped or end a block is decided in `page.js`
//! (`read_page`): walking the DOM from Rust crossed the wasm boundary for every node
//! and cost ten times more. The walk hands over the text nodes (kept in a JS array;
//! Rust holds their indexes), their text joined, and each node's UTF-16 length and
//! block number. Skipped: `script`, `style` and other non-text elements, form fields,
//! `[contenteditable]`, `[data-zhupi-skip]`, hidden subtrees (`hidden`,
//! `aria-hidden="true"`) and zhupi's own interface (`[data-zhupi-ui]`). Open shadow
//! roots are entered; same-origin iframes only with the `frames` option.
//!
//! Where the caller named no root, `story` is an object: the walk also gathers the
//! page's outline, the article finder (`article.js`) marks the nodes the story leaves
//! out before any text is decoded here (the reader passes over them), and
//! `story.article` is set to the elements that hold the story (null: no article). It
//! is the harness's object, so the answer reaches the API without a call back into the
//! module.

use js_sys::Array;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use zhupi_core::chars::{folder, utf8_width};

#[wasm_bindgen(module = "/src/dom/page.js")]
extern "C" {
    /// What `read_page` returns.
    pub type PageText;
    #[wasm_bindgen(js_name = read_page)]
    fn read_page(root: &Element, frames: bool, outline: bool) -> PageText;
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

#[wasm_bindgen(module = "/src/dom/article.js")]
extern "C" {
    /// Marks the nodes of a page read with its outline that the story leaves out (their
    /// block number becomes `LEFT_OUT`) and sets `story.article` to the elements that
    /// hold the story (null: no article).
    fn narrow_to_story(page: &PageText, story: &JsValue);
}

/// The block number of a text node the article finder leaves out.
const LEFT_OUT: u32 = u32::MAX;

/// One text node of a block.
#[derive(Clone, Copy, Debug)]
pub struct Piece {
    /// The node's index in its block's `nodes` array.
    pub node: u32,
    /// Where the node's text starts in the block, in code points and in bytes of
    /// [`Block::text`].
    pub start: usize,
    pub byte: usize,
    /// Its length in code points.
    pub len: usize,
}

/// A paragraph of inline text.
#[derive(Clone)]
pub struct Block {
    /// The text nodes the pieces index (shared by the blocks of one reading).
    pub nodes: Rc<Array>,
    pub pieces: Vec<Piece>,
    /// The string the block's text is part of, and where in it (bytes).
    source: Rc<String>,
    from: usize,
    to: usize,
    /// Its length in code points.
    pub len: usize,
}

impl Block {
    /// The block's text as its text nodes hold it.
    pub fn text(&self) -> &str {
        &self.source[self.from..self.to]
    }

    /// The text of code points `start..end` (layout whitespace as spaces): an entity's.
    pub fn cut(&self, start: usize, end: usize) -> String {
        let end = end.min(self.len);
        if start >= end {
            return String::new();
        }
        let text = self.text();
        let piece = self.pieces[self.piece_at(start)];
        let from = step(text, piece.byte, start - piece.start);
        let mut out = String::new();
        push_as_read(&mut out, &text[from..step(text, from, end - start)]);
        out
    }

    /// Appends the block's text to `out`, layout whitespace as spaces.
    pub fn push_text(&self, out: &mut String) {
        push_as_read(out, self.text());
    }

    /// The piece that holds code point `cp` of the block (the last piece for the end).
    pub fn piece_at(&self, cp: usize) -> usize {
        match self.pieces.binary_search_by(|p| p.start.cmp(&cp)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The text of piece `p`.
    pub fn piece_text(&self, p: usize) -> &str {
        let start = self.pieces[p].byte;
        let end = self
            .pieces
            .get(p + 1)
            .map_or(self.to - self.from, |n| n.byte);
        &self.text()[start..end]
    }

    /// The text node of piece `p`.
    pub fn node(&self, p: usize) -> web_sys::Text {
        self.nodes.get(self.pieces[p].node).unchecked_into()
    }

    /// Does `other` hold the same text in the same text nodes?
    pub fn same_as(&self, other: &Block) -> bool {
        let mine: Vec<u32> = self.pieces.iter().map(|p| p.node).collect();
        let theirs: Vec<u32> = other.pieces.iter().map(|p| p.node).collect();
        self.text() == other.text() && same_nodes_js(&self.nodes, &mine, &other.nodes, &theirs)
    }
}

/// Builds a block from text nodes one at a time: a block whose nodes wrap mode
/// replaced.
pub struct BlockBuilder {
    nodes: Rc<Array>,
    pieces: Vec<Piece>,
    text: String,
    len: usize,
}

impl BlockBuilder {
    pub fn new(nodes: Rc<Array>) -> BlockBuilder {
        BlockBuilder {
            nodes,
            pieces: Vec::new(),
            text: String::new(),
            len: 0,
        }
    }

    /// Appends the text of node `node`.
    pub fn push_piece(&mut self, node: u32, data: &str) {
        let len = data.chars().count();
        self.pieces.push(Piece {
            node,
            start: self.len,
            byte: self.text.len(),
            len,
        });
        self.text.push_str(data);
        self.len += len;
    }

    pub fn finish(self) -> Block {
        Block {
            nodes: self.nodes,
            pieces: self.pieces,
            from: 0,
            to: self.text.len(),
            source: Rc::new(self.text),
            len: self.len,
        }
    }
}

/// The whole root: its blocks and the open shadow roots met on the way.
pub struct Model {
    /// The model text as the extractor reads it: the blocks' text, folded, layout
    /// whitespace as spaces, blocks joined by `\n`.
    pub chars: Vec<char>,
    pub blocks: Vec<Block>,
    /// Where each block starts in `chars`.
    pub starts: Vec<usize>,
    pub shadow_roots: Array,
}

/// Reads the text model of `root`; with a `story` object (not null), of the story
/// the article finder finds under it.
pub fn read(root: &Element, frames: bool, story: &JsValue) -> Model {
    let page = read_page(root, frames, !story.is_null());
    if !story.is_null() {
        narrow_to_story(&page, story);
    }
    let source = Rc::new(page.text());
    let layout = page.layout();
    let mut reader = Reader::new(Rc::new(page.nodes()), &source, &layout);
    for (k, pair) in layout.chunks_exact(2).enumerate() {
        reader.read_node(k as u32, pair[0] as usize, pair[1]);
    }
    reader.end_block();
    Model {
        chars: reader.chars,
        blocks: reader.blocks,
        starts: reader.starts,
        shadow_roots: page.shadows(),
    }
}

/// Reads the page's string node by node, in order: each character is decoded once,
/// into [`Model::chars`], while the pieces and blocks are measured.
struct Reader<'s> {
    nodes: Rc<Array>,
    source: &'s Rc<String>,
    /// Where reading is in the string, in bytes.
    at: usize,
    chars: Vec<char>,
    blocks: Vec<Block>,
    starts: Vec<usize>,
    /// The block being read, and its number from `read_page`.
    current: Option<(u32, Block)>,
}

impl<'s> Reader<'s> {
    fn new(nodes: Rc<Array>, source: &'s Rc<String>, layout: &[u32]) -> Reader<'s> {
        // Sized first: growing a vector of a megabyte of code points copies it each
        // time. There are at most as many code points as UTF-16 units, and one line
        // break per block.
        let units: u32 = layout.iter().step_by(2).sum();
        let blocks_at_most = layout.len() as u32 / 2;
        Reader {
            nodes,
            source,
            at: 0,
            chars: Vec::with_capacity((units + blocks_at_most) as usize),
            blocks: Vec::new(),
            starts: Vec::new(),
            current: None,
        }
    }

    /// Reads text node `node`, `units` UTF-16 units long, of block `number`; a node the
    /// story leaves out (`LEFT_OUT`) is passed over.
    fn read_node(&mut self, node: u32, units: usize, number: u32) {
        if number == LEFT_OUT {
            self.end_block();
        } else if self.current.as_ref().map(|(n, _)| *n) != Some(number) {
            self.end_block();
            self.start_block(number);
        }
        let kept = self.chars.len();
        let byte = self.at;
        let bytes = self.source.as_bytes();
        let fold = folder();
        let chars = &mut self.chars;
        let (mut at, mut taken, mut len) = (byte, 0, 0);
        // Decoded by hand: the string is UTF-8 (it came in as a String), and the
        // standard decoder is a call per character at the module's opt-level.
        while taken < units && at < bytes.len() {
            let (c, width) = decode(bytes, at);
            at += width;
            taken += if width == 4 { 2 } else { 1 };
            len += 1;
            chars.push(fold(layout_as_space(c)));
        }
        self.at = at;
        let Some((_, block)) = self.current.as_mut() else {
            self.chars.truncate(kept); // left out (decoded all the same: less code)
            return;
        };
        block.pieces.push(Piece {
            node,
            start: block.len,
            byte: byte - block.from,
            len,
        });
        block.len += len;
    }

    fn start_block(&mut self, number: u32) {
        if !self.chars.is_empty() {
            self.chars.push('\n');
        }
        self.starts.push(self.chars.len());
        let block = Block {
            nodes: Rc::clone(&self.nodes),
            pieces: Vec::new(),
            source: Rc::clone(self.source),
            from: self.at,
            to: self.at,
            len: 0,
        };
        self.current = Some((number, block));
    }

    /// Ends the block being read; a blank one is dropped, with its line break.
    fn end_block(&mut self) {
        let Some((_, mut block)) = self.current.take() else {
            return;
        };
        block.to = self.at;
        let start = self.starts[self.blocks.len()];
        if self.chars[start..].iter().all(|c| c.is_whitespace()) {
            self.starts.pop();
            self.chars.truncate(start.saturating_sub(1));
        } else {
            self.blocks.push(block);
        }
    }
}

/// The character at byte `at` of UTF-8 `bytes`, and its width in bytes.
#[inline(always)]
fn decode(bytes: &[u8], at: usize) -> (char, usize) {
    let lead = bytes[at] as u32;
    let next = |k: usize| bytes.get(at + k).map_or(0, |&b| (b & 0x3F) as u32);
    let (code, width) = match lead {
        0x00..=0x7F => (lead, 1),
        0x80..=0xDF => ((lead & 0x1F) << 6 | next(1), 2),
        0xE0..=0xEF => ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3),
        _ => (
            (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3),
            4,
        ),
    };
    (char::from_u32(code).unwrap_or('\u{FFFD}'), width)
}

/// The byte `count` characters on from byte `at` of `text` (its end at most).
fn step(text: &str, mut at: usize, count: usize) -> usize {
    let bytes = text.as_bytes();
    for _ in 0..count {
        match bytes.get(at) {
            Some(&lead) => at += utf8_width(lead),
            None => break,
        }
    }
    at.min(bytes.len())
}

/// Appends `text` to `out`, layout whitespace as spaces.
fn push_as_read(out: &mut String, text: &str) {
    if text.bytes().any(|b| b < 0x20) {
        for c in text.chars() {
            out.push(layout_as_space(c));
        }
    } else {
        out.push_str(text);
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
