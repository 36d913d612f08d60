// The DOM layer's calls into the page, in JavaScript: the two loops over the page, which
// would otherwise cross the wasm boundary once per node or per range (walking a 1 MB
// article from Rust took 47 ms, from here 5 ms), and the few calls that set up a
// document for drawing, which are a line each here and a bound import, a glue shim and
// reference handling each from Rust. Rust decides everything else: what the text says,
// where entities are, what to draw and where.

import { TAGS as FINDER_TAGS, HINT_POSITIVE, HINT_NEGATIVE } from './article.js';

// ---------------------------------------------------------------- reading the page

// What each element is to the reader, as bit flags in one map (one lookup per element).
const SKIP = 1; // content is not article text
const BLOCK = 2; // starts and ends a block of text (a paragraph, as a reader sees it)
const NO_TEXT = 4; // its own text children are layout whitespace: never read, never
// wrapped, so a <mark> is never their child
const SHADOW_HOST = 8; // may host a shadow root (so are custom elements): others need not be asked
const TAGS = new Map();
const flag = (bit, tags) => tags.split(' ').forEach((t) => TAGS.set(t, (TAGS.get(t) | 0) | bit));
flag(SKIP, 'script style noscript template textarea input select option button head title meta link svg math canvas video audio object embed');
flag(BLOCK, 'address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul');
flag(NO_TEXT, 'table tbody thead tfoot tr ul ol select colgroup dl');
flag(SHADOW_HOST, 'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span');

const flagsOf = (tag) => TAGS.get(tag) ?? (tag.includes('-') ? SHADOW_HOST : 0);

// Attributes that take an element out of the text: hidden, opted out, zhupi's own UI,
// editable. Asked once per tree with selectors, not of each element: on the 1 MB bench
// article, asking each element took 2.3 ms of the walk when every element has a class
// (news pages put classes everywhere) and 1.0 ms without; the selectors take 0.7 ms.
// Chromium answers a lone `[data-…]` selector that nothing in the page carries at
// once, and a list of selectors at a cost per element, so zhupi's own two attributes
// are asked alone (one list of all five took 1.1 ms).
const SKIPPED_BY_ATTRIBUTES = [
  '[hidden],[aria-hidden="true"],[contenteditable]:not([contenteditable="false" i])',
  '[data-zhupi-skip]',
  '[data-zhupi-ui]',
];

// The elements under `content` (an element, shadow root or frame body) taken out by
// their attributes, or null if there are none.
function skippedUnder(content) {
  let skipped = null;
  for (const selector of SKIPPED_BY_ATTRIBUTES) {
    const found = content.querySelectorAll(selector);
    if (found.length) {
      skipped ??= new Set();
      found.forEach((element) => skipped.add(element));
    }
  }
  return skipped;
}

// Tag codes the article finder weighs (article.js); 0 is any other block.
const TAG_CODES = new Map(FINDER_TAGS.map((t, k) => [t, k + 1]));
// Class and id words that say what a container holds, after Readability's lists (with
// the Chinese sites' usual ones: hot, rank, recommend). Asked of block elements only,
// and only of those that have a class or an id: the walk's one read of the page.
const POSITIVE = /article|body|content|entry|main|post|text|story|detail|artic|正文/i;
// (Some words only at a word's start, some only whole: `hot` is not in `photo`, nor
// `ad` in `head`.)
const NEGATIVE =
  /comment|footer|(?<![a-z])(?:nav|side|hot|rank|foot)|(?<![a-z])(?:ads?|tags?|tools?)(?![a-z])|menu|sidebar|related|recommend|share|banner|crumb|copyright|pager|pagination|login|search|social|widget|popup|sponsor|promo|advert|guanggao|keyword|toolbar/i;

function hintOf(element) {
  const words = element.id + ' ' + (typeof element.className === 'string' ? element.className : '');
  if (words.length < 2) return 0;
  return (POSITIVE.test(words) ? HINT_POSITIVE : 0) | (NEGATIVE.test(words) ? HINT_NEGATIVE : 0);
}

// Reads the text under `root`: every text node in document order, their text joined,
// and for each node its length in UTF-16 units and the number of its block. Open
// shadow roots are entered (and returned, for the stylesheet); same-origin iframes only
// when `frames`. With `outline`, the walk also gathers what the article finder
// needs: each block element (`elements`), `tree` with per element its parent's index +
// 1 and its tag code and class hints, and `owners` with per block the element that
// holds it, how many of its UTF-16 units are link text, its first node and where its
// text starts, for the finder (article.js's narrow_to_story, which Rust calls next).
export function read_page(root, frames, outline) {
  const nodes = [];
  let text = '';
  const layout = []; // per text node: its length, its block
  const shadows = [];
  const elements = [];
  const tree = [];
  const owners = []; // per block: owner element, link units, first node, text start
  let block = 0;
  let open = false; // does the current block have text yet?
  // One loop over a parent's children, the element's work inline: this walk visits
  // every node of the article, and calls cost more than the work. `owner` is the index
  // of the nearest block element (-1 without outline), `link` whether in an <a>.
  const children = (parent, textAllowed, skipped, owner, link) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      const type = n.nodeType;
      if (type === 3) {
        const data = n.data;
        if (textAllowed && data.length) {
          if (outline) {
            if (!open) owners.push(owner, 0, nodes.length, text.length);
            if (link) owners[owners.length - 3] += data.length;
          }
          nodes.push(n);
          text += data;
          layout.push(data.length, block);
          open = true;
        }
        continue;
      }
      if (type !== 1) continue;
      const tag = n.localName;
      const flags = flagsOf(tag);
      if (flags & SKIP || (skipped && skipped.has(n))) continue;
      if (flags & BLOCK || tag === 'br') {
        if (open) block++;
        open = false;
        if (tag === 'br') continue;
      }
      let inner_owner = owner;
      // A shadow host is a container too, whatever its tag: its shadow root's text is
      // one box of the page (a site's <news-body>).
      const host = flags & SHADOW_HOST && n.shadowRoot;
      if (outline && (flags & BLOCK || host)) {
        inner_owner = elements.length;
        elements.push(n);
        tree.push(owner + 1, (TAG_CODES.get(tag) | 0) | (n.id || n.className ? hintOf(n) : 0));
      }
      if (host) inner(host, inner_owner);
      if (frames && tag === 'iframe') {
        let body = null;
        try {
          body = n.contentDocument && n.contentDocument.body; // null across origins
        } catch {
          body = null;
        }
        if (body) inner(body, inner_owner);
      }
      children(n, !(flags & NO_TEXT), skipped, inner_owner, link || tag === 'a');
      if (flags & BLOCK && open) {
        block++;
        open = false;
      }
    }
  };
  // A shadow root or a frame's body: blocks of their own.
  const inner = (content, owner) => {
    if (open) block++;
    open = false;
    children(content, true, skippedUnder(content), owner, false);
    if (open) block++;
    open = false;
    if (content.nodeType === 11) shadows.push(content);
  };
  if (!root.hasAttribute('data-zhupi-ui')) {
    let owner = -1;
    if (outline) {
      owner = 0;
      elements.push(root);
      tree.push(0, TAG_CODES.get(root.localName) | 0);
    }
    if (root.shadowRoot) inner(root.shadowRoot, owner);
    children(root, !(flagsOf(root.localName) & NO_TEXT), skippedUnder(root), owner, false);
  }
  return { nodes, text, layout: Uint32Array.from(layout), shadows, elements, tree, owners };
}

// Are nodes `a[ai[k]]` and `b[bi[k]]` the same node for every k? (A block that did not
// change still has the same text nodes.)
export function same_nodes(a, ai, b, bi) {
  if (ai.length !== bi.length) return false;
  for (let k = 0; k < ai.length; k++) if (a[ai[k]] !== b[bi[k]]) return false;
  return true;
}

// The index of `node` in `nodes`, or -1 (hit-testing the hover card).
export function index_of(nodes, node) {
  return nodes.indexOf(node);
}

// ---------------------------------------------------------------- drawing

// offsets: [startNode, startOffset, endNode, endOffset, kind] per range, indexes into
// `nodes` and the surface's highlights. Returns the ranges, in order.
export function make_ranges(nodes, offsets, surface) {
  const shown = offstage(surface);
  try {
    return add_ranges(nodes, offsets, surface.highlights);
  } finally {
    onstage(surface, shown);
  }
}

function add_ranges(nodes, offsets, highlights) {
  const ranges = new Array(offsets.length / 5);
  for (let k = 0, r = 0; k < offsets.length; k += 5, r++) {
    const range = new StaticRange({
      startContainer: nodes[offsets[k]],
      startOffset: offsets[k + 1],
      endContainer: nodes[offsets[k + 2]],
      endOffset: offsets[k + 3],
    });
    highlights[offsets[k + 4]].add(range);
    ranges[r] = range;
  }
  return ranges;
}

// Removes ranges made by make_ranges: `which[r]` is the highlight of `ranges[from + r]`.
// (Called once per block: taking the highlights offstage for each would cost more.)
// While clear() runs (release_surface), the ranges are only noted as gone.
export function remove_ranges(ranges, from, which, surface) {
  const { highlights, gone } = surface;
  for (let r = 0; r < which.length; r++) {
    if (gone) gone[which[r]].push(ranges[from + r]);
    else highlights[which[r]].delete(ranges[from + r]);
  }
}

// Takes the surface's highlights out of the registry while ranges are added, and puts
// them back after (onstage). Chromium does more work for each range added to a
// highlight the page shows: adding 10,000 ranges took 1.8 ms to a registered highlight
// and 1.5 ms to one registered after (about 0.3 ms of the 1 MB bench page, too little
// to show above its noise). A refresh deletes its changed blocks' ranges onstage, where
// taking the highlights off and on for each block costs more than it saves; clear()
// empties them at once (release_surface). Nothing is painted in between (one
// task). A highlight put back comes last
// among those of its priority: zhupi's paint over the page's own ones.
function offstage(surface) {
  const { highlights, registry } = surface;
  const shown = HIGHLIGHT_NAMES.map((name, k) => registry.get(name) === highlights[k]);
  HIGHLIGHT_NAMES.forEach((name, k) => shown[k] && registry.delete(name));
  return shown;
}

function onstage(surface, shown) {
  HIGHLIGHT_NAMES.forEach((name, k) => shown[k] && surface.registry.set(name, surface.highlights[k]));
}

// ---------------------------------------------------------------- surfaces

// A surface is what one document needs to show entities: zhupi's stylesheet, and for
// highlight mode one highlight per kind (figure, initiative, document), registered in
// the window's CSS.highlights under these names.
const HIGHLIGHT_NAMES = ['zhupi-figure', 'zhupi-initiative', 'zhupi-document'];

// Does `window` have the CSS Custom Highlight API?
export function has_highlights(window) {
  return Boolean(window && window.CSS && window.CSS.highlights && window.Highlight);
}

// zhupi's stylesheet in each window, made on first use and kept: adopted once.
const sheets = new WeakMap();

function sheetOf(window, css) {
  let sheet = sheets.get(window);
  if (!sheet) {
    try {
      sheet = new window.CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      return null; // no constructable stylesheets: the harness links the stylesheet
    }
    sheets.set(window, sheet);
  }
  return sheet;
}

// The surface of `document`, with highlights when `drawRanges` (sharing those another
// annotation of the page registered); null where it cannot be drawn on.
export function make_surface(document, css, drawRanges) {
  const window = document.defaultView;
  if (!window || (drawRanges && !has_highlights(window))) return null;
  let highlights = null;
  if (drawRanges) {
    highlights = HIGHLIGHT_NAMES.map((name) => {
      let h = window.CSS.highlights.get(name);
      if (!h) window.CSS.highlights.set(name, (h = new window.Highlight()));
      return h;
    });
  }
  const surface = { highlights, sheet: sheetOf(window, css), registry: window.CSS && window.CSS.highlights };
  adopt_sheet(surface, document);
  return surface;
}

// Adds the surface's stylesheet to a document or an open shadow root, once (document
// styles do not reach into shadow roots).
export function adopt_sheet(surface, target) {
  const list = surface.sheet && target.adoptedStyleSheets;
  if (list && !list.includes(surface.sheet)) target.adoptedStyleSheets = [...list, surface.sheet];
}

// Clearing, in two calls, so that it takes time in proportion to the ranges: deleting
// them one by one does not. Firefox redoes work for every range deleted from a
// registered highlight (9,000 deletes: 1.5 s, 9 ms offstage), and WebKit looks each one
// up from the start of the highlight's list (13 s on the 1 MB bench page). Before
// (`before`), the surface's highlights are taken offstage and the ranges remove_ranges
// is given are noted per highlight; after, a highlight that holds only those is emptied
// at once, one that another annotation of the page shares loses them one by one, and
// those still holding ranges are put back on stage. (A highlight is not read: Firefox's
// extensions see the page's through wrappers that give no iterator and refuse a
// callback. The stylesheet stays adopted: see sheets.)
export function release_surface(surface, before) {
  const { highlights, gone, shown, registry } = surface;
  if (!highlights) return;
  if (before) {
    surface.shown = offstage(surface);
    surface.gone = highlights.map(() => []);
    return;
  }
  highlights.forEach((h, k) => {
    if (h.size === gone[k].length) h.clear();
    else gone[k].forEach((r) => h.delete(r));
    if (h.size && shown[k]) registry.set(HIGHLIGHT_NAMES[k], h);
  });
  surface.gone = null;
}
