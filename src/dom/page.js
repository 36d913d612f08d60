// The DOM layer's two loops over the page, in JavaScript. Both would otherwise cross
// the wasm boundary once per node or per range, which costs more than the work itself
// (walking a 1 MB article from Rust took 47 ms, from here 5 ms). Rust decides
// everything else: what the text says, where entities are, what to draw.

// ---------------------------------------------------------------- reading the page

// Elements whose content is not article text.
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'head', 'title', 'meta', 'link', 'svg', 'math', 'canvas', 'video', 'audio', 'object', 'embed',
]);

// Elements that start and end a block of text (a paragraph, as a reader sees it).
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'ul',
]);

// Elements whose own text children are layout whitespace: never read, never wrapped,
// so a <mark> is never their child.
const NO_TEXT_CHILDREN = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'ol', 'select', 'colgroup', 'dl']);

// Only custom elements and these can host a shadow root: others need not be asked.
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'main', 'nav', 'p', 'section', 'span',
]);
const mayHostShadow = (tag) => SHADOW_HOSTS.has(tag) || tag.includes('-');

function skipped(el, tag) {
  if (SKIPPED.has(tag)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.hasAttribute('data-zhupi-skip') || el.hasAttribute('data-zhupi-ui')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

// Reads the text under `root`: every text node in document order, their text joined,
// and for each node its length in UTF-16 units and the number of its block. Open
// shadow roots are entered (and returned, for the stylesheet); same-origin iframes only
// when `frames`.
export function read_page(root, frames) {
  const nodes = [];
  const parts = [];
  const layout = [];
  const shadows = [];
  let block = 0;
  let open = false; // does the current block have text yet?
  const end = () => {
    if (open) block++;
    open = false;
  };
  const children = (parent, textAllowed) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      const type = n.nodeType;
      if (type === 3) {
        const data = n.data;
        if (textAllowed && data.length) {
          nodes.push(n);
          parts.push(data);
          layout.push(data.length, block);
          open = true;
        }
      } else if (type === 1) {
        element(n);
      }
    }
  };
  const element = (el) => {
    const tag = el.localName;
    if (skipped(el, tag)) return;
    if (tag === 'br') return end();
    const isBlock = BLOCKS.has(tag);
    if (isBlock) end();
    if (mayHostShadow(tag) && el.shadowRoot) {
      end();
      children(el.shadowRoot, true);
      end();
      shadows.push(el.shadowRoot);
    }
    if (frames && tag === 'iframe') {
      let body = null;
      try {
        body = el.contentDocument && el.contentDocument.body; // null across origins
      } catch {
        body = null;
      }
      if (body) {
        end();
        children(body, true);
        end();
      }
    }
    children(el, !NO_TEXT_CHILDREN.has(tag));
    if (isBlock) end();
  };
  if (!root.hasAttribute('data-zhupi-ui')) {
    if (root.shadowRoot) {
      children(root.shadowRoot, true);
      end();
      shadows.push(root.shadowRoot);
    }
    children(root, !NO_TEXT_CHILDREN.has(root.localName));
  }
  return { nodes, text: parts.join(''), layout: Uint32Array.from(layout), shadows };
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

// offsets: [startNode, startOffset, endNode, endOffset, highlight] per range, indexes
// into `nodes` and `highlights`. Returns the ranges, in order.
export function make_ranges(nodes, offsets, highlights) {
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

// Removes ranges made by make_ranges: `which[r]` is the highlight of `ranges[r]`.
export function remove_ranges(ranges, which, highlights) {
  for (let r = 0; r < ranges.length; r++) highlights[which[r]].delete(ranges[r]);
}
