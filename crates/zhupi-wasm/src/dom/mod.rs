//! The DOM layer (wasm32 only): reads a page's text ([`model`]), runs the extractor on
//! it, and shows every entity in place — with the CSS Custom Highlight API
//! ([`highlight`], the default: the page's DOM is not modified) or by wrapping
//! ([`wrap`]).
//!
//! An [`Annotation`] keeps, per block of text, the block as read, its entities and what
//! was drawn for them. `refresh()` re-reads the page and redoes only the blocks whose
//! text or nodes changed; the harness's `observe` option calls it after the page
//! changes (a `MutationObserver` in `www/zhupi.js`, which keeps wasm-bindgen's closure
//! machinery out of the module). `clear()` takes everything back.

mod highlight;
mod model;
mod options;
mod wrap;

use highlight::Surface;
use js_sys::Array;
use model::{Block, BlockBuilder, Model};
use options::{DomOptions, Mode};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};
use zhupi_core::sort::sorted_indices;
use zhupi_core::strings::concat;
use zhupi_core::{extract_read, Entity};

/// What was drawn for a block.
enum Drawn {
    Nothing,
    /// `ranges[from..from + kinds.len()]`: the array is shared by the blocks drawn in
    /// one call, so drawing makes no array per block.
    Ranges {
        ranges: Rc<Array>,
        from: u32,
        kinds: Vec<u8>,
    },
    Marks(Vec<wrap::Wrapped>),
}

/// A block of the page with its entities (offsets relative to the block) and drawing.
struct Annotated {
    block: Block,
    /// Their `text` is empty: it is cut from the block when an entity is shown or
    /// listed ([`Annotated::entity`]), not for each of the thousands on a page.
    entities: Vec<Entity>,
    drawn: Drawn,
}

impl Annotated {
    /// Entity `k`, with its text.
    fn entity(&self, k: usize) -> Entity {
        let e = &self.entities[k];
        Entity {
            text: self.block.cut(e.start, e.end),
            ..e.clone()
        }
    }
}

struct State {
    root: Element,
    /// Where the caller named no root: the harness's object whose `article` the finder
    /// sets at each reading (see `model`); else null.
    story: JsValue,
    options: DomOptions,
    mode: Mode,
    css: String,
    blocks: Vec<Annotated>,
    surfaces: Vec<Surface>,
    next_id: u32,
    cleared: bool,
}

thread_local! {
    /// Live annotations, so that annotating a root again first clears the old one.
    static LIVE: RefCell<Vec<Weak<RefCell<State>>>> = const { RefCell::new(Vec::new()) };
}

/// An annotated root, as the JS harness holds it.
#[wasm_bindgen]
pub struct Annotation {
    state: Rc<RefCell<State>>,
}

/// Annotates `root`: `kinds` has bit `k` set for each wanted `Kind::ALL[k]`; `wrap`
/// draws `<mark>`s instead of highlights; `frames` reads same-origin iframes too; the
/// site's terms are `term_texts[n]`, of kind `Kind::ALL[term_kinds[n]]`; `css` is
/// zhupi's stylesheet, which the harness loads; with a `story` object (not null) only
/// the story the article finder finds in `root` is read (the caller named no root),
/// and `story.article` says which elements hold it. `www/zhupi.js`
/// checks the JS API's options object and calls this with its values.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn annotate(
    root: Element,
    story: JsValue,
    kinds: u8,
    wrap: bool,
    frames: bool,
    term_texts: Vec<String>,
    term_kinds: &[u8],
    css: String,
) -> Result<Annotation, JsError> {
    let terms = options::terms(term_texts, term_kinds).map_err(|e| message_error(&e))?;
    let options = DomOptions {
        extract: zhupi_core::Options {
            kinds: options::kinds_of(kinds),
            terms,
        },
        mode: if wrap { Mode::Wrap } else { Mode::Highlight },
        frames,
    };
    clear_previous(&root);
    let document = root
        .owner_document()
        .ok_or_else(|| JsError::new("zhupi: the root is not in a document"))?;
    let mut mode = options.mode;
    if mode == Mode::Highlight && !highlight::supported(&document) {
        mode = Mode::Wrap; // no Custom Highlight API here
    }
    let state = Rc::new(RefCell::new(State {
        root,
        story,
        options,
        mode,
        css,
        blocks: Vec::new(),
        surfaces: Vec::new(),
        next_id: 0,
        cleared: false,
    }));
    state
        .borrow_mut()
        .annotate_all()
        .map_err(|e| js_error(&e))?;
    LIVE.with(|l| l.borrow_mut().push(Rc::downgrade(&state)));
    Ok(Annotation { state })
}

/// Gives the module its word tables (`pkg/established-names.txt` and
/// `pkg/nonname-words.txt`, joined by a line break), which the harness fetches beside
/// it: call once, before anything is annotated.
#[wasm_bindgen(js_name = setWordTables)]
pub fn set_word_tables(tables: String) {
    zhupi_core::lexicon::set_word_tables(tables);
}

/// Checks custom terms as `annotate` would, without touching any page: the extension's
/// options page uses it so that its terms are validated by the same code.
#[wasm_bindgen(js_name = checkTerms)]
pub fn check_terms(term_texts: Vec<String>, term_kinds: &[u8]) -> Result<(), JsError> {
    options::terms(term_texts, term_kinds)
        .map(drop)
        .map_err(|e| message_error(&e))
}

fn message_error(message: &str) -> JsError {
    JsError::new(&concat(&["zhupi: ", message]))
}

/// Writes `{"kind":…,"label":…,"text":…,"value":…` (the object left open) for the card
/// and the panel: the entity as a reader reads it in `lang`.
fn write_described(out: &mut String, e: &Entity, lang: zhupi_core::describe::Lang) {
    use zhupi_core::describe;
    out.push_str("{\"kind\":");
    zhupi_core::json::string(out, e.kind.as_str());
    out.push_str(",\"label\":");
    zhupi_core::json::string(out, &describe::label(e.kind, e.sub, lang));
    out.push_str(",\"text\":");
    zhupi_core::json::string(out, &e.text);
    out.push_str(",\"value\":");
    match describe::value(e, lang, &js_decimal) {
        Some(v) => zhupi_core::json::string(out, &v),
        None => out.push_str("null"),
    }
}

fn js_error(e: &JsValue) -> JsError {
    message_error(&describe(e))
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|err| String::from(err.message()))
        })
        .unwrap_or_else(|| "unexpected error".into())
}

fn clear_previous(root: &Element) {
    let previous: Vec<Rc<RefCell<State>>> = LIVE.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|w| w.strong_count() > 0);
        l.iter()
            .filter_map(Weak::upgrade)
            .filter(|s| s.try_borrow().is_ok_and(|s| &s.root == root))
            .collect()
    });
    for s in previous {
        s.borrow_mut().clear();
    }
}

#[wasm_bindgen]
impl Annotation {
    /// The entities as a JSON array (the harness parses it once).
    #[wasm_bindgen(js_name = entitiesJson)]
    pub fn entities_json(&self) -> String {
        let s = self.state.borrow();
        let mut out = String::from("[");
        let mut base = 0;
        let mut first = true;
        for (k, a) in s.blocks.iter().enumerate() {
            if k > 0 {
                base += 1; // the line break between blocks
            }
            for k in 0..a.entities.len() {
                if !first {
                    out.push(',');
                }
                first = false;
                zhupi_core::json::entity(&mut out, &a.entity(k), base, &js_decimal);
            }
            base += a.block.len;
        }
        out.push(']');
        out
    }

    /// The root's text model: the text that entity offsets count, blocks joined by
    /// line breaks.
    pub fn text(&self) -> String {
        let s = self.state.borrow();
        let mut out = String::new();
        for (k, a) in s.blocks.iter().enumerate() {
            if k > 0 {
                out.push('\n');
            }
            a.block.push_text(&mut out);
        }
        out
    }

    /// The entities in an export format (`json`, `csv`, `w3c`, `jsonl`), with context
    /// from the text model; `source` names the page in the W3C form.
    pub fn export(&self, format: &str, source: &str) -> Result<String, JsError> {
        let format = zhupi_core::export::Format::parse(format).ok_or_else(|| {
            JsError::new(&concat(&[
                "zhupi: unknown export format '",
                format,
                "' (json, csv, w3c, jsonl)",
            ]))
        })?;
        let s = self.state.borrow();
        let mut all = Vec::new();
        let mut base = 0;
        for (k, a) in s.blocks.iter().enumerate() {
            if k > 0 {
                base += 1;
            }
            all.extend((0..a.entities.len()).map(|k| {
                let e = a.entity(k);
                Entity {
                    start: e.start + base,
                    end: e.end + base,
                    ..e
                }
            }));
            base += a.block.len;
        }
        drop(s);
        Ok(zhupi_core::export::export(
            format,
            &self.text(),
            &all,
            source,
            &js_decimal,
        ))
    }

    /// The entity (its index in `entities`) at UTF-16 `offset` of text node `node`, or
    /// -1: how the hover card hit-tests, since highlights have no events.
    #[wasm_bindgen(js_name = entityAt)]
    pub fn entity_at(&self, node: &web_sys::Node, offset: u32) -> i32 {
        let s = self.state.borrow();
        let mut before = 0usize; // entities in earlier blocks
        let mut arrays: Vec<(Rc<Array>, i32)> = Vec::new();
        for a in &s.blocks {
            let index = match arrays
                .iter()
                .find(|(arr, _)| Rc::ptr_eq(arr, &a.block.nodes))
            {
                Some((_, i)) => *i,
                None => {
                    let i = model::index_of(&a.block.nodes, node);
                    arrays.push((Rc::clone(&a.block.nodes), i));
                    i
                }
            };
            if index >= 0 {
                if let Some(p) = a.block.pieces.iter().position(|p| p.node == index as u32) {
                    let cp = a.block.pieces[p].start + cp_of_utf16(a.block.piece_text(p), offset);
                    if let Some(k) = a.entities.iter().position(|e| e.start <= cp && cp < e.end) {
                        return (before + k) as i32;
                    }
                    return -1;
                }
            }
            before += a.entities.len();
        }
        -1
    }

    /// Where entity `index` is: `[startNode, startOffset, endNode, endOffset]`, for a
    /// live `Range` (placing the card, scrolling to it); empty if there is none.
    pub fn bounds(&self, index: u32) -> Array {
        let s = self.state.borrow();
        let out = Array::new();
        let mut k = index as usize;
        for a in &s.blocks {
            if k >= a.entities.len() {
                k -= a.entities.len();
                continue;
            }
            let e = &a.entities[k];
            let mut cursor = Cursor::default();
            let (sp, so) = cursor.utf16(&a.block, e.start);
            let (ep, eo) = cursor.utf16_end(&a.block, e.end);
            out.push(&a.block.node(sp));
            out.push(&so.into());
            out.push(&a.block.node(ep));
            out.push(&eo.into());
            break;
        }
        out
    }

    /// The hover card's content for entity `index` as JSON: `{kind, label, text, value,
    /// mentions}` in the interface language `lang` (`value` as a reader reads it;
    /// `mentions`: how often the article names the same initiative or document).
    pub fn card(&self, index: u32, lang: &str) -> String {
        use zhupi_core::describe::Lang;
        let lang = Lang::parse(lang);
        let s = self.state.borrow();
        let all = || {
            s.blocks
                .iter()
                .flat_map(|a| (0..a.entities.len()).map(move |k| (a, k)))
        };
        let Some((a, k)) = all().nth(index as usize) else {
            return "null".into();
        };
        let e = a.entity(k);
        let mut out = String::new();
        write_described(&mut out, &e, lang);
        let mentions = all()
            .filter(|&(b, j)| {
                // Only the text is compared: cut it, without copying the whole entity.
                let o = &b.entities[j];
                o.kind == e.kind
                    && o.end - o.start == e.end - e.start
                    && b.block.cut(o.start, o.end) == e.text
            })
            .count();
        out.push_str(",\"mentions\":");
        zhupi_core::digits::push(&mut out, mentions as u64);
        out.push('}');
        out
    }

    /// Every entity as the panel lists it, as one JSON array in document order:
    /// `[{kind, label, text, value}]`, values as a reader reads them in `lang`.
    pub fn summary(&self, lang: &str) -> String {
        use zhupi_core::describe::Lang;
        let lang = Lang::parse(lang);
        let s = self.state.borrow();
        let mut out = String::from("[");
        let all = s
            .blocks
            .iter()
            .flat_map(|a| (0..a.entities.len()).map(move |k| a.entity(k)));
        for (n, e) in all.enumerate() {
            if n > 0 {
                out.push(',');
            }
            write_described(&mut out, &e, lang);
            out.push('}');
        }
        out.push(']');
        out
    }

    /// How many entities of each kind: `[figure, initiative, document]`.
    pub fn counts(&self) -> Vec<u32> {
        let s = self.state.borrow();
        let mut counts = vec![0u32; 3];
        for e in s.blocks.iter().flat_map(|a| &a.entities) {
            counts[highlight::kind_index(e.kind) as usize] += 1;
        }
        counts
    }

    /// `"highlight"` or `"wrap"`: how the entities are drawn (wrap where the browser
    /// lacks the Custom Highlight API).
    pub fn mode(&self) -> String {
        match self.state.borrow().mode {
            Mode::Highlight => "highlight".into(),
            Mode::Wrap => "wrap".into(),
        }
    }

    /// Removes every highlight and restores the page exactly.
    pub fn clear(&self) {
        self.state.borrow_mut().clear();
    }

    /// Reads the page again and redoes the blocks that changed.
    pub fn refresh(&self) -> Result<(), JsError> {
        let mut s = self.state.borrow_mut();
        if s.cleared {
            s.cleared = false;
            return s.annotate_all().map_err(|e| js_error(&e));
        }
        s.update().map_err(|e| js_error(&e))
    }
}

impl State {
    /// Reads the root's text: with the article finder, the story's blocks alone (read
    /// again at each refresh, so a paragraph added to the story is read and one added
    /// to a sidebar is not).
    fn read(&self) -> Model {
        model::read(&self.root, self.options.frames, &self.story)
    }

    fn document(&self) -> Option<Document> {
        self.root.owner_document()
    }

    /// The document a block's text is in: the root's, or with `frames` an iframe's.
    fn document_of(&self, block: &Block) -> Option<Document> {
        if self.options.frames && !block.pieces.is_empty() {
            block.node(0).owner_document()
        } else {
            self.document()
        }
    }

    /// First annotation: the whole root is one text for the extractor, so that names
    /// an article introduces in quotes are found again in later paragraphs.
    fn annotate_all(&mut self) -> Result<(), JsValue> {
        let model = self.read();
        let starts = &model.starts;
        let mut per_block: Vec<Vec<Entity>> = (0..model.blocks.len()).map(|_| Vec::new()).collect();
        for mut e in extract_read(&model.chars, &self.options.extract) {
            let b = match starts.binary_search(&e.start) {
                Ok(b) => b,
                Err(b) => b.saturating_sub(1),
            };
            let Some(&base) = starts.get(b) else { continue };
            e.start -= base;
            e.end = (e.end - base).min(model.blocks[b].len);
            if e.start < e.end {
                per_block[b].push(e);
            }
        }
        let Model {
            blocks,
            shadow_roots,
            ..
        } = model;
        self.prepare_surfaces(&shadow_roots);
        let fresh: Vec<Annotated> = blocks
            .into_iter()
            .zip(per_block)
            .map(|(block, entities)| Annotated {
                block,
                entities,
                drawn: Drawn::Nothing,
            })
            .collect();
        self.blocks = self.draw(fresh)?;
        Ok(())
    }

    /// The surface of the root's document (and the stylesheet in each shadow root).
    fn prepare_surfaces(&mut self, shadow_roots: &Array) {
        if self.surfaces.is_empty() {
            let draw_ranges = self.mode == Mode::Highlight;
            if let Some(s) = self
                .document()
                .and_then(|d| Surface::of(&d, &self.css, draw_ranges))
            {
                self.surfaces.push(s);
            }
        }
        if let Some(main) = self.surfaces.first_mut() {
            for shadow in shadow_roots.iter() {
                main.adopt_shadow(shadow.unchecked_ref());
            }
        }
    }

    /// The surface a block is drawn on, made on first use. Without `frames` every
    /// block is in the root's document, whose surface `prepare_surfaces` made: no call
    /// into the page for each of thousands of blocks.
    fn surface_of(&mut self, block: &Block) -> Option<usize> {
        if !self.options.frames {
            return (!self.surfaces.is_empty()).then_some(0);
        }
        let document = self.document_of(block)?;
        self.surface_for(&document)
    }

    /// The surface a block was drawn on, if there is one.
    fn drawn_surface(&self, block: &Block) -> Option<&Surface> {
        if !self.options.frames {
            return self.surfaces.first();
        }
        let document = self.document_of(block)?;
        self.surfaces.iter().find(|s| s.document == document)
    }

    /// The surface for a block's document (an iframe's document has its own).
    fn surface_for(&mut self, document: &Document) -> Option<usize> {
        if let Some(i) = self.surfaces.iter().position(|s| &s.document == document) {
            return Some(i);
        }
        let s = Surface::of(document, &self.css, self.mode == Mode::Highlight)?;
        self.surfaces.push(s);
        Some(self.surfaces.len() - 1)
    }

    /// Draws the entities of blocks that have none drawn yet.
    fn draw(&mut self, mut blocks: Vec<Annotated>) -> Result<Vec<Annotated>, JsValue> {
        match self.mode {
            Mode::Highlight => self.draw_ranges(&mut blocks)?,
            Mode::Wrap => {
                for a in blocks.iter_mut() {
                    // An iframe's document gets zhupi's stylesheet too.
                    self.surface_of(&a.block);
                    self.draw_marks(a)?;
                }
            }
        }
        Ok(blocks)
    }

    /// Highlight mode: every range of every new block in one call per document.
    fn draw_ranges(&mut self, blocks: &mut [Annotated]) -> Result<(), JsValue> {
        let mut by_surface: Vec<(usize, Vec<usize>)> = Vec::new();
        for (k, a) in blocks.iter().enumerate() {
            if !matches!(a.drawn, Drawn::Nothing) || a.entities.is_empty() {
                continue;
            }
            // Blocks of one reading share their nodes array; group by it as well.
            if let Some(s) = self.surface_of(&a.block) {
                let group = by_surface.iter_mut().find(|(t, m)| {
                    *t == s && Rc::ptr_eq(&blocks[m[0]].block.nodes, &a.block.nodes)
                });
                match group {
                    Some((_, members)) => members.push(k),
                    None => by_surface.push((s, vec![k])),
                }
            }
        }
        for (s, members) in by_surface {
            let mut offsets: Vec<u32> = Vec::new();
            let mut counts = Vec::with_capacity(members.len());
            for &k in &members {
                let before = offsets.len();
                locate(&blocks[k], &mut offsets);
                counts.push((offsets.len() - before) / 5);
            }
            let ranges = Rc::new(self.surfaces[s].draw(&blocks[members[0]].block.nodes, &offsets)?);
            let mut at = 0u32;
            for (&k, n) in members.iter().zip(counts) {
                let kinds = blocks[k]
                    .entities
                    .iter()
                    .map(|e| highlight::kind_index(e.kind))
                    .collect();
                blocks[k].drawn = Drawn::Ranges {
                    ranges: Rc::clone(&ranges),
                    from: at,
                    kinds,
                };
                at += n as u32;
            }
        }
        Ok(())
    }

    /// Wrap mode: marks around each entity; the block then reads from the new nodes.
    fn draw_marks(&mut self, a: &mut Annotated) -> Result<(), JsValue> {
        if a.entities.is_empty() || !matches!(a.drawn, Drawn::Nothing) {
            return Ok(()); // nothing to mark, or a block kept as it was
        }
        let Some(document) = self.document_of(&a.block) else {
            return Ok(());
        };
        let mut segments: Vec<Vec<wrap::Segment>> =
            (0..a.block.pieces.len()).map(|_| Vec::new()).collect();
        for e in &a.entities {
            let id = self.next_id;
            self.next_id += 1;
            let first = a.block.piece_at(e.start);
            let last = a.block.piece_at(e.end - 1);
            for (p, piece) in a.block.pieces.iter().enumerate().take(last + 1).skip(first) {
                let start = e.start.max(piece.start) - piece.start;
                let end = e.end.min(piece.start + piece.len) - piece.start;
                segments[p].push(wrap::Segment {
                    start,
                    end,
                    kind: e.kind,
                    id,
                });
            }
        }
        // The block afterwards: untouched pieces keep their nodes; wrapped ones are
        // replaced by the new text nodes, appended to the shared nodes array.
        let mut wrapped = Vec::new();
        let mut after = BlockBuilder::new(Rc::clone(&a.block.nodes));
        for (p, segs) in segments.iter().enumerate() {
            if segs.is_empty() {
                after.push_piece(a.block.pieces[p].node, a.block.piece_text(p));
                continue;
            }
            let (w, texts) = wrap::wrap(&document, &a.block.node(p), segs)?;
            wrapped.push(w);
            for (node, data) in texts {
                let index = a.block.nodes.push(&node) - 1;
                after.push_piece(index, &data);
            }
        }
        a.block = after.finish();
        a.drawn = Drawn::Marks(wrapped);
        Ok(())
    }

    fn erase(&self, a: &mut Annotated) {
        match std::mem::replace(&mut a.drawn, Drawn::Nothing) {
            Drawn::Nothing => {}
            Drawn::Ranges {
                ranges,
                from,
                kinds,
            } => {
                if let Some(s) = self.drawn_surface(&a.block) {
                    s.erase(&ranges, from, &kinds);
                }
            }
            Drawn::Marks(list) => list.iter().rev().for_each(wrap::unwrap),
        }
    }

    /// Re-reads the page; blocks with the same text in the same nodes keep what they
    /// have, the others are extracted and drawn again.
    fn update(&mut self) -> Result<(), JsValue> {
        let model = self.read();
        let mut old: Vec<Option<Annotated>> = std::mem::take(&mut self.blocks)
            .into_iter()
            .map(Some)
            .collect();
        // Old blocks by text, sorted, to find a block that did not change.
        let texts: Vec<(&str, usize)> = old
            .iter()
            .enumerate()
            .filter_map(|(k, a)| Some((a.as_ref()?.block.text(), k)))
            .collect();
        let order = sorted_indices(texts.len(), &|a, b| texts[a].cmp(&texts[b]));
        let by_text: Vec<(String, usize)> = order
            .into_iter()
            .map(|i| (texts[i].0.to_owned(), texts[i].1))
            .collect();
        let Model {
            chars,
            blocks,
            starts,
            shadow_roots,
        } = model;
        let mut next: Vec<Annotated> = Vec::with_capacity(blocks.len());
        for (block, start) in blocks.into_iter().zip(starts) {
            let from = by_text.partition_point(|(t, _)| t.as_str() < block.text());
            let same = by_text[from..]
                .iter()
                .take_while(|(t, _)| t.as_str() == block.text())
                .map(|(_, k)| *k)
                .find(|&k| old[k].as_ref().is_some_and(|a| a.block.same_as(&block)));
            match same.and_then(|k| old[k].take()) {
                Some(kept) => next.push(kept),
                None => {
                    let reading = &chars[start..start + block.len];
                    let entities = extract_read(reading, &self.options.extract);
                    next.push(Annotated {
                        block,
                        entities,
                        drawn: Drawn::Nothing,
                    });
                }
            }
        }
        for a in old.iter_mut().flatten() {
            self.erase(a);
        }
        self.prepare_surfaces(&shadow_roots);
        self.blocks = self.draw(next)?;
        Ok(())
    }

    fn clear(&mut self) {
        if self.cleared {
            return;
        }
        let mut blocks = std::mem::take(&mut self.blocks);
        self.surfaces.iter().for_each(|s| s.release(true));
        for a in blocks.iter_mut().rev() {
            self.erase(a);
        }
        self.surfaces.iter().for_each(|s| s.release(false));
        self.surfaces.clear();
        self.cleared = true;
    }
}

/// The start and end of each entity of a block as (text node index, UTF-16 offset)
/// pairs, in the form [`Surface::draw`] takes. Entities are in order, so one cursor per
/// block walks each node's text once.
fn locate(a: &Annotated, offsets: &mut Vec<u32>) {
    let mut cursor = Cursor::default();
    for e in &a.entities {
        let (sp, so) = cursor.utf16(&a.block, e.start);
        let (ep, eo) = cursor.utf16_end(&a.block, e.end);
        let (sn, en) = (a.block.pieces[sp].node, a.block.pieces[ep].node);
        offsets.extend_from_slice(&[sn, so, en, eo, highlight::kind_index(e.kind) as u32]);
    }
}

/// Converts code points of a block into (piece, UTF-16 offset), moving forward only.
#[derive(Default)]
struct Cursor {
    piece: usize,
    cp: usize,
    u16: u32,
    byte: usize,
}

impl Cursor {
    fn seek(&mut self, block: &Block, piece: usize, cp_in_piece: usize) -> u32 {
        if piece != self.piece || cp_in_piece < self.cp {
            *self = Cursor {
                piece,
                ..Cursor::default()
            };
        }
        let data = block.piece_text(piece);
        for c in data[self.byte..].chars().take(cp_in_piece - self.cp) {
            self.u16 += c.len_utf16() as u32;
            self.byte += c.len_utf8();
        }
        self.cp = cp_in_piece;
        self.u16
    }

    /// The position of code point `cp` of the block, as the start of a range.
    fn utf16(&mut self, block: &Block, cp: usize) -> (usize, u32) {
        let p = block.piece_at(cp);
        let off = cp - block.pieces[p].start;
        (p, self.seek(block, p, off))
    }

    /// The position just after code point `end - 1`, as the end of a range (in the
    /// node that holds that last character).
    fn utf16_end(&mut self, block: &Block, end: usize) -> (usize, u32) {
        let p = block.piece_at(end.saturating_sub(1));
        let off = end - block.pieces[p].start;
        (p, self.seek(block, p, off))
    }
}

/// How many code points of `text` the first `units` UTF-16 units cover.
fn cp_of_utf16(text: &str, units: u32) -> usize {
    let mut seen = 0u32;
    text.chars()
        .take_while(|c| {
            seen += c.len_utf16() as u32;
            seen <= units
        })
        .count()
}

/// JavaScript's own number formatting (see `zhupi_core::json`).
fn js_decimal(out: &mut String, n: f64) {
    let s = js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from);
    out.push_str(s.as_deref().unwrap_or("null"));
}
