// The article finder: which blocks of a page's text are the story (shared/spec/marking.md,
// section 4), and which are navigation, lists of other headlines, share bars, comments
// and footers.
//
// It reads the outline that `read_page` (page.js) gathers in the walk it makes anyway:
// the block elements as a tree (parent, tag, class and id hints) and per block of text
// the element holding it and how much of it is link text. So finding the story costs
// no second pass over the document. The module (model.rs) calls `narrow_to_story`
// between the walk and decoding the text. It is JavaScript, not Rust, because it is
// smaller here: the same rules in the module cost 4.9 KB gzipped, here 2.1 KB minified.
//
// The method is Mozilla Readability's, tuned for Chinese text, one step stricter about
// siblings and one further inside the story:
//   1. paragraphScore: a block scores by its punctuation (its clauses) and its length;
//      short and link-heavy blocks score nothing.
//   2. scoreContainers: each score goes to the block's element and its ancestors, less
//      at each level up; a container keeps its score less its link density, plus its
//      tag's weight and ±25 for its class hints.
//   3. bestContainer: the best, moved up to a parent that beats it; withSiblings: its
//      siblings that score well and hold prose (a story split by an ad) join it.
//   4. keptBlocks: inside the chosen containers, link lists, furniture (share bars,
//      related lists, comments: by tag or class, holding little prose) and the list
//      under a 「相关阅读」 heading are left out.
//   5. isListPage: a best container whose prose is spread over teasers (a headline link
//      over a summary, three or more) is a home page or a section front: no article.

// Tag codes: a block element's index in this list + 1, 0 for any other (div …).
export const TAGS = 'article main p li ul ol h1 h2 h3 h4 h5 h6 table td nav aside footer header form section'.split(' ');
const code = (tag) => TAGS.indexOf(tag) + 1;
const ARTICLE = code('article');
const P = code('p');
// Readability's starting weights by tag; every other block element (div …) is 5.
const TAG_WEIGHT = new Map([
  [ARTICLE, 10], [P, 0], [code('td'), 3], [code('table'), 3],
  [code('ul'), -3], [code('ol'), -3], [code('li'), -3], [code('form'), -3],
  ...[1, 2, 3, 4, 5, 6].map((h) => [code(`h${h}`), -5]),
  ...['nav', 'aside', 'footer', 'header'].map((t) => [code(t), -25]),
]);
// Paragraph elements: their score goes to their container, not to themselves.
const PARAGRAPHS = new Set(['p', 'li', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(code));
const FURNITURE = new Set(['nav', 'aside', 'footer', 'form'].map(code));
export const HINT_POSITIVE = 32;
export const HINT_NEGATIVE = 64;
const TAG_BITS = HINT_POSITIVE - 1;
// The block number of a node left out of the story (model.rs reads it as LEFT_OUT).
const LEFT_OUT = 0xffffffff;

// Fewer characters than this is no article (a gallery's caption, a login box).
const MIN_ARTICLE_CHARS = 40;
// Headings of the lists of other articles under many stories.
const OTHER_ARTICLES = /^(相关|延伸|推荐|热门|热点|精彩|更多|为你)(阅读|新闻|文章|推荐|链接|精彩|排行)|^猜你喜欢|^阅读排行/;

/**
 * The story of a page, from its outline:
 *   tree: per element [parent index + 1, tag code | hint bits] (element 0 the root),
 *   blocks: per block { owner, text, links } (its element, its text, link characters).
 * Returns { containers: element indexes, keep: per block true/false }, or null where
 * the page has no article.
 */
export function findStory(tree, blocks) {
  return storyOf(
    tree,
    blocks.map((b) => measure(b.text, 0, b.text.length, b.owner, b.links)),
  );
}

// findStory on blocks already measured (narrow_to_story measures them in the page's
// text, where they lie).
function storyOf(tree, measured) {
  const n = tree.length / 2;
  const parent = new Int32Array(n);
  const tag = new Uint8Array(n);
  const hint = new Uint8Array(n);
  for (let e = 0; e < n; e++) {
    parent[e] = tree[2 * e] - 1;
    tag[e] = tree[2 * e + 1] & TAG_BITS;
    hint[e] = tree[2 * e + 1] & ~TAG_BITS;
  }
  const page = { n, parent, tag, hint, blocks: measured };
  const scores = scoreContainers(page);
  const best = bestContainer(page, scores);
  if (best < 0 || isListPage(page, best)) return null;
  const containers = withSiblings(page, scores, best);
  const keep = keptBlocks(page, containers);
  let chars = 0;
  page.blocks.forEach((b, k) => keep[k] && (chars += b.len));
  return chars >= MIN_ARTICLE_CHARS ? { containers, keep } : null;
}

// Characters by what measure() counts: 1 whitespace (as \s), 2 punctuation (a
// clause's end), 4 a sentence's end. One table lookup per character: this is the only
// pass over the whole text the finder makes, and regular expressions over every block
// cost 3× as much.
const WHITESPACE = 1;
const PUNCTUATION = 2;
const SENTENCE_END = 4;
const CHAR_CLASS = new Uint8Array(0x10000);
const classify = (bit, chars) => [...chars].forEach((c) => (CHAR_CLASS[c.charCodeAt(0)] |= bit));
classify(WHITESPACE, ' \t\n\v\f\r\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff');
for (let c = 0x2000; c <= 0x200a; c++) CHAR_CLASS[c] |= WHITESPACE;
classify(PUNCTUATION, '，。；：！？、,;!?');
classify(SENTENCE_END, '。！？”…');

// A block (`text` from `from` to `to`) with what the rules ask of it: visible length,
// link density, its score, and whether it is a sentence or more of prose. The loop
// only adds (no branch per character: the classes of Chinese text follow no pattern a
// processor could predict), and reads the page's text in place rather than a slice
// of it; the last visible character is found from the end.
function measure(text, from, to, owner, links) {
  let spaces = 0;
  let marks = 0;
  for (let i = from; i < to; i++) {
    const kind = CHAR_CLASS[text.charCodeAt(i)];
    spaces += kind & WHITESPACE;
    marks += (kind & PUNCTUATION) >> 1;
  }
  let end = to;
  while (end > from && CHAR_CLASS[text.charCodeAt(end - 1)] & WHITESPACE) end--;
  const last = end > from ? CHAR_CLASS[text.charCodeAt(end - 1)] : 0;
  const size = to - from;
  const len = size - spaces;
  const density = links / Math.max(1, size);
  return {
    owner,
    len,
    links,
    size,
    density,
    score: paragraphScore(len, density, marks),
    prose: (len > 80 && density < 0.25) || (len > 20 && density === 0 && (last & SENTENCE_END) !== 0),
    heading: len <= 10 && OTHER_ARTICLES.test(text.slice(from, to).replace(/[\s【】>：:]/g, '')),
  };
}

/** A block's worth as story text: a point, one per punctuation mark and one per hundred
 *  characters up to three (Readability's, with Chinese punctuation for its commas).
 *  Under 20 characters, mostly links, or under 60 with no punctuation at all (a URL,
 *  a name in a list of links) it is nothing. */
export function paragraphScore(len, density, marks) {
  if (len < 20 || density > 0.5 || (!marks && len < 60)) return 0;
  return 1 + marks + Math.min(len / 100, 3);
}

// Adds each element's value to its ancestors', children first (parents come first).
function sumUp(page, values) {
  for (let e = page.n - 1; e > 0; e--) if (page.parent[e] >= 0) values[page.parent[e]] += values[e];
  return values;
}

/** Each container's score: the paragraphs under it (its own in full, its parent's half,
 *  further ancestors a third of the level), less its link density, plus its tag's
 *  weight and ±25 for its hints. Containers holding no paragraph score nothing. */
export function scoreContainers(page) {
  const { n, parent, tag, hint } = page;
  const content = new Float64Array(n);
  const text = new Float64Array(n);
  const links = new Float64Array(n);
  for (const b of page.blocks) {
    text[b.owner] += b.size;
    links[b.owner] += b.links;
    if (!b.score) continue;
    let e = PARAGRAPHS.has(tag[b.owner]) ? parent[b.owner] : b.owner;
    for (let level = 0; level < 5 && e >= 0; level++, e = parent[e]) {
      content[e] += b.score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  sumUp(page, text);
  sumUp(page, links);
  // A list page wraps every teaser in <article>: then the tag says nothing.
  const articles = tag.filter((t) => t === ARTICLE).length;
  const scores = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    if (!content[e]) continue;
    let weight = tag[e] === ARTICLE && articles > 1 ? 0 : (TAG_WEIGHT.get(tag[e]) ?? 5);
    if (hint[e] & HINT_POSITIVE) weight += 25;
    if (hint[e] & HINT_NEGATIVE) weight -= 25;
    scores[e] = content[e] * (1 - links[e] / Math.max(1, text[e])) + weight;
  }
  return scores;
}

/** The best-scoring container, moved up to the first ancestor that beats it, while
 *  ancestors keep a third of its score (the root never: it is the page). -1 where
 *  nothing scores. (Readability compares each parent with the last one instead, which
 *  lets a page's wrapper beat a story box whose parent holds a sidebar too.) */
export function bestContainer(page, scores) {
  let best = -1;
  for (let e = 0; e < page.n; e++) if (scores[e] > 0 && (best < 0 || scores[e] > scores[best])) best = e;
  if (best < 0) return -1;
  const own = scores[best];
  for (let p = page.parent[best]; p > 0; p = page.parent[p]) {
    if (!scores[p]) continue;
    if (scores[p] < own / 3) break;
    if (scores[p] > own) return p;
  }
  return best;
}

/** The chosen container and its siblings that belong to the story: those scoring a
 *  fifth of it (at least 10), and paragraphs, that hold prose and are not furniture by
 *  their class. (Readability asks only the score, and takes in a list of teasers that
 *  stands under a long story.) */
export function withSiblings(page, scores, best) {
  const { n, parent, tag, hint } = page;
  const prose = new Float64Array(n);
  for (const b of page.blocks) if (b.prose) prose[b.owner] = 1;
  sumUp(page, prose);
  const threshold = Math.max(10, scores[best] * 0.2);
  const out = [];
  for (let e = 0; e < n; e++) {
    const sibling =
      parent[e] === parent[best] && !(hint[e] & HINT_NEGATIVE) && prose[e] && (scores[e] >= threshold || tag[e] === P);
    if (e === best || (parent[best] >= 0 && sibling)) out.push(e);
  }
  return out;
}

/** Which blocks are the story: those inside the containers, less link lists,
 *  furniture inside the story's box (by tag, or by a negative and no positive hint,
 *  holding little prose) and the blocks under a 「相关阅读」 heading that are no prose. */
export function keptBlocks(page, containers) {
  const { n, parent, tag, hint } = page;
  const prose = new Float64Array(n);
  for (const b of page.blocks) prose[b.owner] += b.score;
  sumUp(page, prose);
  const chosen = new Set(containers);
  const inside = new Uint8Array(n);
  const furniture = new Uint8Array(n);
  for (let e = 0; e < n; e++) {
    const p = parent[e];
    inside[e] = chosen.has(e) || (p >= 0 && inside[p]) ? 1 : 0;
    const own =
      !chosen.has(e) &&
      (FURNITURE.has(tag[e]) || (hint[e] & (HINT_NEGATIVE | HINT_POSITIVE)) === HINT_NEGATIVE) &&
      prose[e] < 10;
    furniture[e] = inside[e] && (own || (p >= 0 && furniture[p])) ? 1 : 0;
  }
  let related = -1; // the box of the last 「相关阅读」 heading
  return page.blocks.map((b) => {
    if (!inside[b.owner] || furniture[b.owner]) return false;
    if (b.heading) {
      related = parent[b.owner];
      return false;
    }
    if (related >= 0) {
      if (!b.score && isUnder(page, b.owner, related)) return false;
      related = -1;
    }
    return b.density < 0.5;
  });
}

function isUnder(page, e, ancestor) {
  for (; e >= ancestor; e = page.parent[e]) if (e === ancestor) return true;
  return false;
}

/** Is the container a list of teasers rather than a story: its prose spread over three
 *  or more children that each have a headline link of their own, holding most of it? */
export function isListPage(page, container) {
  const { parent } = page;
  const units = new Map(); // child of the container → [prose, has a link block]
  let total = 0;
  for (const b of page.blocks) {
    let e = b.owner;
    while (e > container && parent[e] !== container) e = parent[e];
    if (e <= container) continue;
    total += b.score;
    const unit = units.get(e) || [0, false];
    unit[0] += b.score;
    unit[1] ||= b.density > 0.5 && b.len >= 6;
    units.set(e, unit);
  }
  let teasers = 0;
  let teaserProse = 0;
  for (const [score, link] of units.values()) {
    if (link && score > 0) {
      teasers++;
      teaserProse += score;
    }
  }
  return teasers >= 3 && teaserProse > total * 0.6;
}

/**
 * Narrows what read_page read (with its outline) to the story: the text nodes of the
 * blocks it leaves out get the block number LEFT_OUT in `page.layout`, which the module
 * (model.rs) passes over. Sets `story.article` to the elements that hold the story, or
 * null (and nothing left to read) where the page has no article. A `story.whole` (the
 * reader chose the whole page) leaves the page as it was read.
 */
export function narrow_to_story(page, story) {
  if (story.whole) {
    story.article = [page.elements[0]]; // the reader asked for the whole page
    return;
  }
  const { nodes, text, layout, owners } = page;
  // Per block (owners: element, link units, first node, text start; a block's nodes
  // and text are consecutive), its text is one slice of the page's.
  const count = owners.length / 4;
  const first = (b) => (b < count ? owners[4 * b + 2] : nodes.length);
  const start = (b) => (b < count ? owners[4 * b + 3] : text.length);
  const blocks = [];
  for (let b = 0; b < count; b++) blocks.push(measure(text, start(b), start(b + 1), owners[4 * b], owners[4 * b + 1]));
  const found = storyOf(page.tree, blocks);
  // The nodes of the blocks left out keep their place in the page's text, marked, and
  // the module passes over them as it decodes: no second copy of the text is made.
  for (let b = 0; b < count; b++) {
    if (found && found.keep[b]) continue;
    for (let k = first(b); k < first(b + 1); k++) layout[2 * k + 1] = LEFT_OUT;
  }
  story.article = found && found.containers.map((e) => page.elements[e]);
}
