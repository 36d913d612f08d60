//! The article finder on a page: turns the outline that `read_page` gathered in its
//! walk into the finder's [`Outline`] (`crate::article`), and narrows the text model to
//! the story's blocks, so that everything after (extraction, drawing, `text`, the
//! panel) sees the article alone.

use super::model::{Model, PageOutline};
use crate::article::{self, Block, Element, Outline, Tag};
use js_sys::Array;

/// `tree`'s hint bits (`page.js`: `HINT_POSITIVE`, `HINT_NEGATIVE`); the tag code is
/// below them.
const HINT_POSITIVE: u32 = 32;
const HINT_NEGATIVE: u32 = 64;

/// Finds the story in `model` (read with its outline) and keeps only its blocks.
/// Returns the elements that hold it, or `None` (and an empty model) where the page
/// has no article.
pub fn narrow_to_article(model: &mut Model) -> Option<Array> {
    let page = model.outline.take()?;
    let found = article::find(&outline_of(model, &page));
    let Some(found) = found else {
        keep_blocks(model, &[]);
        return None;
    };
    keep_blocks(model, &found.keep);
    let elements = Array::new();
    for &e in &found.containers {
        elements.push(&page.elements.get(e as u32));
    }
    Some(elements)
}

/// The finder's view of the page: the model's blocks (blank ones are not in it), each
/// with its element and link text from the outline.
fn outline_of<'m>(model: &'m Model, page: &PageOutline) -> Outline<'m> {
    let elements = page
        .tree
        .chunks_exact(2)
        .map(|pair| Element {
            parent: (pair[0] as usize).checked_sub(1),
            tag: Tag::from_code(pair[1] & (HINT_POSITIVE - 1)),
            positive: pair[1] & HINT_POSITIVE != 0,
            negative: pair[1] & HINT_NEGATIVE != 0,
        })
        .collect();
    let blocks = model
        .blocks
        .iter()
        .zip(&model.starts)
        .zip(&model.numbers)
        .map(|((block, &start), &number)| {
            let at = number as usize * 2;
            Block {
                element: page.owners.get(at).map_or(0, |&e| e as usize),
                text: &model.chars[start..start + block.len],
                link_chars: page.owners.get(at + 1).map_or(0, |&n| n as usize),
            }
        })
        .collect();
    Outline { elements, blocks }
}

/// Keeps the blocks whose `keep` is true (none where `keep` is shorter), with their
/// text: the model's text is then theirs, joined by line breaks.
fn keep_blocks(model: &mut Model, keep: &[bool]) {
    if keep.len() == model.blocks.len() && keep.iter().all(|&k| k) {
        return; // the whole root is the story (a bulletin): nothing to copy
    }
    let mut chars = Vec::new();
    let mut starts = Vec::new();
    let mut numbers = Vec::new();
    let blocks = std::mem::take(&mut model.blocks);
    let mut kept = Vec::new();
    for (k, block) in blocks.into_iter().enumerate() {
        if !keep.get(k).copied().unwrap_or(false) {
            continue;
        }
        if !chars.is_empty() {
            chars.push('\n');
        }
        let start = model.starts[k];
        starts.push(chars.len());
        chars.extend_from_slice(&model.chars[start..start + block.len]);
        numbers.push(model.numbers[k]);
        kept.push(block);
    }
    model.chars = chars;
    model.starts = starts;
    model.numbers = numbers;
    model.blocks = kept;
}
