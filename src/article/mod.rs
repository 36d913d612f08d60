//! The article finder: which blocks of a page's text are the story (`shared/spec/marking.md`,
//! section 4), and which are navigation, lists of other headlines, share bars, comments
//! and footers.
//!
//! It reads an [`Outline`]: the page's block elements as a tree (tag, class and id hints)
//! and its blocks of text, each held by one element, with how much of it is link text.
//! The DOM layer gathers the outline in the same walk that reads the text (`page.js`),
//! so finding the article costs no second pass over the document; this module is pure
//! and is tested natively on hand-made outlines.
//!
//! The method is Mozilla Readability's, tuned for Chinese text and made one step
//! stricter inside the story:
//! 1. [`paragraph_score`]: a block scores by its sentences (Chinese punctuation) and its
//!    length; short and link-heavy blocks score nothing.
//! 2. [`score_containers`]: each score goes to the block's element and its ancestors,
//!    less at each level up; a container keeps its score less its link density, plus
//!    its tag's weight and its class hints.
//! 3. [`best_container`]: the best container, moved up to a parent that holds more of
//!    the story, then [`with_siblings`]: siblings that score well (a story split by ads
//!    or a picture) join it.
//! 4. [`kept_blocks`]: inside the chosen containers, blocks that are link lists,
//!    negatively hinted boxes (share bars, related lists, comments) or headed
//!    「相关阅读」 are left out.
//! 5. [`is_list_page`]: a page whose best container is a list of teasers (a home page, a
//!    section front) has no article.

/// A block element's tag, as far as the finder weighs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Other,
    Article,
    Main,
    P,
    Li,
    List,
    Heading,
    Table,
    Cell,
    Nav,
    Aside,
    Footer,
    Header,
    Form,
    Section,
}

impl Tag {
    /// The tag of `page.js`'s code (`TAG_CODES`).
    pub fn from_code(code: u32) -> Tag {
        match code {
            1 => Tag::Article,
            2 => Tag::Main,
            3 => Tag::P,
            4 => Tag::Li,
            5 | 6 => Tag::List,
            7..=12 => Tag::Heading,
            13 => Tag::Table,
            14 => Tag::Cell,
            15 => Tag::Nav,
            16 => Tag::Aside,
            17 => Tag::Footer,
            18 => Tag::Header,
            19 => Tag::Form,
            20 => Tag::Section,
            _ => Tag::Other,
        }
    }

    /// Readability's starting score for a container of this tag.
    fn weight(self) -> f32 {
        match self {
            Tag::Article => 10.0,
            Tag::Main | Tag::Other | Tag::Section => 5.0,
            Tag::Table | Tag::Cell => 3.0,
            Tag::List | Tag::Li | Tag::Form => -3.0,
            Tag::Heading => -5.0,
            Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header => -25.0,
            Tag::P => 0.0,
        }
    }

    /// Is this element a paragraph, whose score goes to its container rather than to
    /// itself?
    fn is_paragraph(self) -> bool {
        matches!(self, Tag::P | Tag::Li | Tag::Heading | Tag::Cell)
    }

    /// Page furniture by its tag alone.
    fn is_furniture(self) -> bool {
        matches!(self, Tag::Nav | Tag::Aside | Tag::Footer | Tag::Form)
    }
}

/// One block element of the page.
#[derive(Clone, Copy, Debug)]
pub struct Element {
    /// Its parent's index; elements come in document order, so a parent's index is
    /// smaller than its children's. The root has none.
    pub parent: Option<usize>,
    pub tag: Tag,
    /// Its class or id names a content box (`article`, `content`, `text` …).
    pub positive: bool,
    /// Its class or id names furniture (`comment`, `related`, `share`, `nav` …).
    pub negative: bool,
}

/// One block of text: a paragraph, as a reader sees it.
#[derive(Clone, Copy, Debug)]
pub struct Block<'t> {
    /// The element that holds it (its nearest block element).
    pub element: usize,
    pub text: &'t [char],
    /// How many of its characters are inside links.
    pub link_chars: usize,
}

/// A page as the finder reads it.
#[derive(Clone, Debug, Default)]
pub struct Outline<'t> {
    pub elements: Vec<Element>,
    pub blocks: Vec<Block<'t>>,
}

/// What the finder chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The elements that hold the story, in document order.
    pub containers: Vec<usize>,
    /// For each block of the outline, is it part of the story?
    pub keep: Vec<bool>,
}

/// Finds the story of a page, or `None` where the page has no article.
pub fn find(outline: &Outline) -> Option<Article> {
    let scores = score_containers(outline);
    let best = best_container(outline, &scores)?;
    if is_list_page(outline, best) {
        return None;
    }
    let containers = with_siblings(outline, &scores, best);
    let keep = kept_blocks(outline, &containers);
    let kept_chars: usize = outline
        .blocks
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| k)
        .map(|(b, _)| visible_len(b.text))
        .sum();
    (kept_chars >= MIN_ARTICLE_CHARS).then_some(Article { containers, keep })
}

/// Fewer characters than this is no article (a gallery's caption, a login box).
const MIN_ARTICLE_CHARS: usize = 40;

/// Sentence and clause punctuation: Chinese prose has one every dozen characters,
/// headlines, menus and link lists hardly any.
fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | '、' | ',' | ';' | '!' | '?'
    )
}

/// Characters that are not white space.
fn visible_len(text: &[char]) -> usize {
    text.iter().filter(|c| !c.is_whitespace()).count()
}

/// How much of a block is link text, 0 to 1.
fn link_density(block: &Block) -> f32 {
    block.link_chars as f32 / block.text.len().max(1) as f32
}

/// A block's worth as story text: one point, one per punctuation mark, and one per
/// hundred characters up to three (Readability's, with Chinese punctuation for its
/// commas). Blocks under 20 characters or mostly links score nothing.
pub fn paragraph_score(block: &Block) -> f32 {
    let len = visible_len(block.text);
    if len < 20 || link_density(block) > 0.5 {
        return 0.0;
    }
    let marks = block.text.iter().filter(|&&c| is_punctuation(c)).count();
    1.0 + marks as f32 + (len as f32 / 100.0).min(3.0)
}

/// Per element: the text under it and the link text among it, in characters.
fn subtree_chars(outline: &Outline) -> (Vec<usize>, Vec<usize>) {
    let n = outline.elements.len();
    let (mut text, mut links) = (vec![0; n], vec![0; n]);
    for b in &outline.blocks {
        text[b.element] += b.text.len();
        links[b.element] += b.link_chars;
    }
    for e in (0..n).rev() {
        if let Some(p) = outline.elements[e].parent {
            text[p] += text[e];
            links[p] += links[e];
        }
    }
    (text, links)
}

/// Each container's score: the scores of the paragraphs under it (its own in full, its
/// parent's half, further ancestors a third of the level), less its link density,
/// plus its tag's weight and ±25 for its class hints. Containers with no paragraph
/// score nothing.
pub fn score_containers(outline: &Outline) -> Vec<f32> {
    let elements = &outline.elements;
    let mut content = vec![0.0f32; elements.len()];
    for b in &outline.blocks {
        let score = paragraph_score(b);
        if score == 0.0 {
            continue;
        }
        let mut at = Some(b.element);
        if elements[b.element].tag.is_paragraph() {
            at = elements[b.element].parent;
        }
        for level in 0..5 {
            let Some(e) = at else { break };
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            content[e] += score / divider;
            at = elements[e].parent;
        }
    }
    let (text, links) = subtree_chars(outline);
    let article_tags = elements.iter().filter(|e| e.tag == Tag::Article).count();
    (0..elements.len())
        .map(|e| {
            if content[e] == 0.0 {
                return 0.0;
            }
            let el = elements[e];
            let mut weight = el.tag.weight();
            // A list page wraps every teaser in <article>: then it says nothing.
            if el.tag == Tag::Article && article_tags > 1 {
                weight = 0.0;
            }
            if el.positive {
                weight += 25.0;
            }
            if el.negative {
                weight -= 25.0;
            }
            let density = links[e] as f32 / text[e].max(1) as f32;
            content[e] * (1.0 - density) + weight
        })
        .collect()
}

/// The best-scoring container, moved up to an ancestor that scores higher still (the
/// story's paragraphs are often split among several boxes of one parent).
/// `None` where nothing scores: no paragraph of prose on the page.
pub fn best_container(outline: &Outline, scores: &[f32]) -> Option<usize> {
    let mut best = (0..scores.len())
        .filter(|&e| scores[e] > 0.0)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    // Readability's climb: up while the parents keep at least a third of the score,
    // stopping at the first that beats the best one's own score. (Readability compares
    // with the last parent's score, which lets a page's wrapper beat a story box whose
    // parent holds the story's sidebar too.)
    let own = scores[best];
    let mut at = outline.elements[best].parent;
    while let Some(p) = at {
        let Some(grand) = outline.elements[p].parent else {
            break; // the root is never the story's own box
        };
        if scores[p] > 0.0 {
            if scores[p] < own / 3.0 {
                break;
            }
            if scores[p] > own {
                best = p;
                break;
            }
        }
        at = Some(grand);
    }
    Some(best)
}

/// The chosen container and those of its siblings that belong to the story: any that
/// scores at least a fifth of it (at least 10) and holds a sentence of prose, and
/// paragraphs of prose standing beside it. (Readability asks only the score, which
/// takes in a list of teasers standing under a long story.)
pub fn with_siblings(outline: &Outline, scores: &[f32], best: usize) -> Vec<usize> {
    let Some(parent) = outline.elements[best].parent else {
        return vec![best];
    };
    let threshold = (scores[best] * 0.2).max(10.0);
    let mut prose = vec![false; outline.elements.len()];
    for b in &outline.blocks {
        prose[b.element] |= is_prose(b);
    }
    for e in (0..outline.elements.len()).rev() {
        if let Some(p) = outline.elements[e].parent {
            prose[p] |= prose[e];
        }
    }
    (0..outline.elements.len())
        .filter(|&e| {
            let el = outline.elements[e];
            e == best
                || (el.parent == Some(parent)
                    && !el.negative
                    && prose[e]
                    && (scores[e] >= threshold || el.tag == Tag::P))
        })
        .collect()
}

/// Is the block a sentence or more of prose: long with little link text, or ending
/// as a sentence does?
fn is_prose(block: &Block) -> bool {
    let len = visible_len(block.text);
    let dense = link_density(block);
    let last = block.text.iter().rev().find(|c| !c.is_whitespace());
    let sentence = matches!(last, Some('。' | '！' | '？' | '”' | '…'));
    (len > 80 && dense < 0.25) || (len > 20 && dense == 0.0 && sentence)
}

/// Headings of the lists of other articles that stand under many stories.
const OTHER_ARTICLES_HEADINGS: [&str; 16] = [
    "相关阅读",
    "延伸阅读",
    "相关新闻",
    "相关文章",
    "相关推荐",
    "推荐阅读",
    "猜你喜欢",
    "热门推荐",
    "热门文章",
    "热点新闻",
    "精彩推荐",
    "更多精彩",
    "阅读排行",
    "热门排行",
    "为你推荐",
    "相关链接",
];

/// Is the block a heading of a list of other articles (「相关阅读」, 「延伸阅读：」)?
fn heads_other_articles(block: &Block) -> bool {
    let visible: Vec<char> = block
        .text
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace() && !matches!(c, '：' | ':' | '【' | '】' | '>'))
        .collect();
    visible.len() <= 8
        && OTHER_ARTICLES_HEADINGS
            .iter()
            .any(|h| visible.iter().copied().eq(h.chars()) || starts_with(&visible, h))
}

fn starts_with(text: &[char], prefix: &str) -> bool {
    let mut chars = text.iter();
    prefix.chars().all(|p| chars.next() == Some(&p))
}

/// Which blocks are the story: those inside the chosen containers, less link lists
/// (mostly link text), furniture inside the story's box (share bars, related lists,
/// comments: by tag or negative hint, where the box holds little prose) and the lists
/// after a 「相关阅读」 heading.
pub fn kept_blocks(outline: &Outline, containers: &[usize]) -> Vec<bool> {
    let elements = &outline.elements;
    let n = elements.len();
    // inside[e]: under a chosen container; furniture[e]: under furniture inside it.
    let mut inside = vec![false; n];
    let mut furniture = vec![false; n];
    let mut prose = vec![0.0f32; n];
    for b in &outline.blocks {
        prose[b.element] += paragraph_score(b);
    }
    for e in (0..n).rev() {
        if let Some(p) = elements[e].parent {
            prose[p] += prose[e];
        }
    }
    for e in 0..n {
        let parent = elements[e].parent;
        inside[e] = containers.contains(&e) || parent.is_some_and(|p| inside[p]);
        let el = elements[e];
        let own = !containers.contains(&e)
            && (el.tag.is_furniture() || (el.negative && !el.positive))
            && prose[e] < 10.0;
        furniture[e] = inside[e] && (own || parent.is_some_and(|p| furniture[p]));
    }
    let mut keep = vec![false; outline.blocks.len()];
    let mut after_heading: Option<usize> = None; // the container of a 「相关阅读」 heading
    for (k, b) in outline.blocks.iter().enumerate() {
        if !inside[b.element] || furniture[b.element] {
            continue;
        }
        if heads_other_articles(b) {
            after_heading = elements[b.element].parent;
            continue;
        }
        if let Some(h) = after_heading {
            if paragraph_score(b) == 0.0 && is_under(elements, b.element, h) {
                continue;
            }
            after_heading = None;
        }
        keep[k] = link_density(b) < 0.5;
    }
    keep
}

/// Is element `e` the element `ancestor` or under it?
fn is_under(elements: &[Element], mut e: usize, ancestor: usize) -> bool {
    loop {
        if e == ancestor {
            return true;
        }
        match elements[e].parent {
            Some(p) if p >= ancestor => e = p,
            _ => return false,
        }
    }
}

/// Is the container a list of teasers rather than a story? Its prose is spread over
/// three or more children that each have a link block of their own (a headline link
/// over a summary), and those hold most of it.
pub fn is_list_page(outline: &Outline, container: usize) -> bool {
    let elements = &outline.elements;
    // The child of `container` that each block is under, if any.
    let child_of = |mut e: usize| -> Option<usize> {
        loop {
            let p = elements[e].parent?;
            if p == container {
                return Some(e);
            }
            if p < container {
                return None;
            }
            e = p;
        }
    };
    // Per child of the container that holds text: its prose, and whether it has a link
    // block of its own.
    let mut units: Vec<(f32, bool)> = Vec::new();
    let mut unit_of = vec![usize::MAX; elements.len()];
    let mut total = 0.0;
    for b in &outline.blocks {
        let Some(child) = child_of(b.element) else {
            continue;
        };
        let score = paragraph_score(b);
        total += score;
        if unit_of[child] == usize::MAX {
            unit_of[child] = units.len();
            units.push((0.0, false));
        }
        let unit = &mut units[unit_of[child]];
        unit.0 += score;
        unit.1 |= link_density(b) > 0.5 && visible_len(b.text) >= 6;
    }
    let teasers: Vec<&(f32, bool)> = units.iter().filter(|u| u.1 && u.0 > 0.0).collect();
    let teaser_prose: f32 = teasers.iter().map(|u| u.0).sum();
    teasers.len() >= 3 && teaser_prose > total * 0.6
}

#[cfg(test)]
mod tests;
