//! The text the recognisers read: the input decoded once into code points, with
//! traditional characters folded to simplified ones, and a sparse index from code
//! points back to byte offsets for cutting entity text out of the original.
//!
//! Code points are what the spec's offsets count, and a `&[char]` lets every rule look
//! a few characters back or ahead by index. Folding is one character to one character,
//! so an offset into the folded text is the same offset into the original.

use crate::chars::{folder, utf8_width};

/// An input text, decoded and folded.
pub struct Text<'a> {
    original: &'a str,
    /// The folded code points the rules read.
    pub chars: Vec<char>,
    /// The byte offset of every `STRIDE`-th code point (4 bytes per 16 code points).
    marks: Vec<u32>,
}

const STRIDE: usize = 16;

impl<'a> Text<'a> {
    /// Decodes, folds and indexes `original` in one pass.
    pub fn new(original: &'a str) -> Text<'a> {
        // Counted first (a fast pass over bytes): growing a vector of a megabyte of
        // code points copies it each time.
        let count = original.chars().count();
        let mut chars = Vec::with_capacity(count);
        let mut marks = Vec::with_capacity(count / STRIDE + 1);
        let fold = folder();
        for (byte, c) in original.char_indices() {
            if chars.len() % STRIDE == 0 {
                marks.push(byte as u32);
            }
            chars.push(fold(c));
        }
        Text {
            original,
            chars,
            marks,
        }
    }

    /// The byte offset of code point `cp` (the end of the text past the last one).
    pub fn byte_of(&self, cp: usize) -> usize {
        let bytes = self.original.as_bytes();
        let Some(&mark) = self.marks.get(cp / STRIDE) else {
            return bytes.len();
        };
        let mut b = mark as usize;
        for _ in 0..cp % STRIDE {
            if b >= bytes.len() {
                break;
            }
            b += utf8_width(bytes[b]);
        }
        b.min(bytes.len())
    }

    /// The original text of code points `start..end`: the start from the index, the
    /// end by stepping on from it (entities are short).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let bytes = self.original.as_bytes();
        let from = self.byte_of(start);
        let mut to = from;
        for _ in start..end {
            if to >= bytes.len() {
                break;
            }
            to += utf8_width(bytes[to]);
        }
        &self.original[from..to.min(bytes.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_code_point_across_strides() {
        let s = "😀增长５％".repeat(40) + "號";
        let t = Text::new(&s);
        assert_eq!(t.chars.len(), 201);
        assert_eq!(t.slice(1, 4), "增长５");
        assert_eq!(t.slice(0, 1), "😀");
        assert_eq!(t.slice(132, 134), "长５"); // past the second stride mark
        assert_eq!(t.slice(200, 201), "號");
        assert_eq!(t.chars[200], '号');
        assert_eq!(t.slice(201, 201), "");
    }
}
