// zhupi's JavaScript API: `annotate(root?, options?)` → Promise<Annotation>, and
// `findArticle(document?)` → Element[] | null.
//
// A thin harness around the WebAssembly module: it loads the module and the stylesheet
// relative to its own URL (so it works from any path or another origin), turns errors
// into clear messages, and gives the Annotation its JS shape. Reading the page, finding
// entities and drawing them is the module's work.
//
// options: { kinds: ["figure", "initiative", "document"] | "figure,document",
//            mode: "highlight" | "wrap", observe: boolean, frames: boolean,
//            terms: [{ text, kind }], cards: boolean (default true), lang: "zh" | "en",
//            panel: boolean (the summary panel and keyboard navigation) }
// Annotation: { entities, counts: { figure, initiative, document }, text, mode, article,
//               export("json" | "csv" | "w3c"), clear(), refresh() }
// Without a root (or with root "auto") zhupi finds the article on the page itself and
// annotates the story alone; `article` is then the elements it read as the story, or
// null where the page has none (a home page, a list of headlines: nothing is marked).

import init, {
  annotate as annotateWasm,
  checkTerms as checkTermsWasm,
  setWordTables as setWordTablesWasm,
} from './pkg/zhupi.js';
import { read_page } from './pkg/page.js';
import { narrow_to_story } from './pkg/article.js';
import { attachCards } from './card.js';

const here = import.meta.url;
let loading = null;

// The panel's code is fetched only when a panel is asked for: most embeds never open
// one, and it is the largest piece of the interface.
let panelModule = null;
const loadPanel = () => (panelModule ??= import('./panel.js'));

// The module's two exports, from whichever build loaded (see loadModule).
let exports_ = { annotate: annotateWasm, checkTerms: checkTermsWasm, setWordTables: setWordTablesWasm };

// The word tables, which setWordTables takes one after the other.
const WORD_TABLES = ['pkg/established-names.txt', 'pkg/nonname-words.txt'];

const fetchText = (path) =>
  fetch(new URL(path, here)).then((r) => (r.ok ? r.text() : '')).catch(() => '');

/** Loads the module, the stylesheet and the word tables fetched beside the module (the
 *  established names and the non-name words: data, kept out of the module's code) once;
 *  resolves to the stylesheet's text. */
export function load() {
  loading ??= Promise.all([loadModule(), fetchText('zhupi.css'), ...WORD_TABLES.map(fetchText)]).then(
    ([, css, ...texts]) => {
      texts.forEach((text, k) => text || console.warn(`zhupi: ${WORD_TABLES[k]} could not be fetched; names are read without it`));
      exports_.setWordTables(texts.join('\n'));
      return css || linkStylesheet();
    },
    (e) => {
      loading = null;
      throw explain(e);
    },
  );
  return loading;
}

// The WebAssembly module; where the page's CSP refuses WebAssembly, the same module
// compiled to plain JavaScript by wasm2js (pkg-js/, built for the extension), if present.
async function loadModule() {
  try {
    await init({ module_or_path: new URL('pkg/zhupi_bg.wasm', here) });
  } catch (e) {
    if (!refusedByPolicy(e)) throw e;
    try {
      exports_ = await import(new URL('pkg-js/zhupi.js', here).href);
    } catch {
      throw e; // no plain-JS build here: report the policy error
    }
  }
}

// How each engine words a CSP's refusal: Chromium and WebKit name the policy or
// 'unsafe-eval' ('wasm-unsafe-eval'), Firefox says "... blocked by CSP".
const REFUSED = /Content Security Policy|Refused to compile|unsafe-eval|blocked by CSP/i;

function refusedByPolicy(e) {
  const text = String((e && (e.name + ' ' + e.message)) || e);
  return REFUSED.test(text) || /CompileError/.test(text);
}

/** Validates options as annotate() would, without touching the page; throws a clear Error. */
export async function checkOptions(options) {
  const { termTexts, termKinds } = readOptions(options);
  await load();
  try {
    exports_.checkTerms(termTexts, termKinds);
  } catch (e) {
    throw explain(e);
  }
}

// Where the stylesheet cannot be fetched (a page's CSP may forbid it), link it instead.
function linkStylesheet() {
  if (!document.querySelector('link[data-zhupi-ui]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('zhupi.css', here).href;
    link.setAttribute('data-zhupi-ui', '');
    document.head.append(link);
  }
  return '';
}

function explain(e) {
  const text = String((e && e.message) || e);
  if (REFUSED.test(text)) {
    return new Error(
      "zhupi: this page's Content-Security-Policy does not allow WebAssembly " +
        "('wasm-unsafe-eval'), so zhupi cannot run here; the page is left as it is.",
    );
  }
  return e instanceof Error && text.startsWith('zhupi:') ? e : new Error(`zhupi: ${text}`);
}

/** Tells the page about an error without throwing into it. */
export function report(error) {
  const message = String((error && error.message) || error);
  console.warn(message);
  document.dispatchEvent(new CustomEvent('zhupi:error', { detail: { message, error } }));
}

/** The elements that hold the page's story, as annotate() finds them when it is given
 *  no root; null where the page has no article. (The page's reading and the finder
 *  are JavaScript, in pkg/page.js and pkg/article.js: the module is not needed.) */
export function findArticle(doc = document) {
  const story = { article: null };
  narrow_to_story(read_page(doc.body, false, true), story);
  return story.article;
}

// The live annotation of each root, so that annotating a root again replaces it.
const annotated = new WeakMap();

/** Annotates `root`, or without one (or "auto") the article zhupi finds on the page.
 *  Rejects with a clear error on bad input. */
export async function annotate(root, options) {
  try {
    const css = await load();
    // Without a root, the module sets story.article at each reading (see shape).
    const story = root == null || root === 'auto' ? { article: null } : null;
    if (story) root = document.body;
    if (!root || root.nodeType !== 1) {
      throw new TypeError(
        'zhupi: annotate(root) needs an Element, such as document.querySelector("article"), or "auto"',
      );
    }
    const read = readOptions(options);
    const attachPanel = options?.panel ? (await loadPanel()).attachPanel : null;
    const handle = exports_.annotate(root, story, read.kinds, read.wrap, read.frames, read.termTexts, read.termKinds, css);
    // One annotation per root: the module has taken the old one's highlights down (only
    // once the terms passed); here it stops watching and its card goes.
    annotated.get(root)?.clear();
    const annotation = shape(handle, root, story, options, attachPanel, read.observe && root);
    annotated.set(root, annotation);
    return annotation;
  } catch (e) {
    const error = explain(e);
    report(error);
    throw error;
  }
}

/** The interface language: options.lang, else the page's lang, else the browser's. */
export function uiLang(options) {
  const tag = (options && options.lang) || document.documentElement.lang || navigator.language || 'en';
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// The Annotation around the module's handle for `root` (with `story` where the caller
// named none); `watched`: the root to observe, if any.
function shape(handle, root, story, options, attachPanel, watched) {
  let entities = null;
  let cleared = false;
  let cards = options && options.cards === false ? null : attachCards(handle, uiLang(options));
  let panel = null;
  let watcher = null;
  // Moving to an entity from the panel or the keyboard shows its card too. Where no
  // article was found the panel says so and offers the whole page.
  const onFocus = (i) => cards?.show(i);
  const panelOptions = (open) => ({
    open,
    onFocus,
    onWholePage: story && !story.article ? () => annotation.markWholePage() : null,
  });
  const annotation = {
    /** Every entity: { kind, sub, text, value, unit, approx, start, end }. */
    get entities() {
      return (entities ??= JSON.parse(handle.entitiesJson()));
    },
    /** The text the offsets count: the root's blocks joined by line breaks. */
    get text() {
      return handle.text();
    },
    get counts() {
      const [figure, initiative, document] = handle.counts();
      return { figure, initiative, document };
    },
    /** The entities as "json" or "csv" (with 32 characters of context each side) or
     *  "w3c" (Web Annotation JSON-LD whose target source is this page). */
    export(format) {
      return handle.export(format, location.href);
    },
    /** "highlight", or "wrap" where the browser lacks the Custom Highlight API. */
    mode: handle.mode(),
    /** The elements read as the article: those zhupi found (without a root), or null
     *  where it found none (nothing is marked); [root] for a root the caller named, and
     *  [body] after markWholePage(). */
    get article() {
      return story ? story.article : [root];
    },
    /** Marks the whole page instead of the article found on it (or the lack of one):
     *  what the panel offers where no article was found. */
    async markWholePage() {
      if (!story || story.whole) return;
      story.whole = true;
      annotation.refresh();
      if (panel) {
        const { attachPanel } = await loadPanel();
        panel.detach();
        panel = attachPanel(annotation, handle, uiLang(options), panelOptions(true));
      }
    },
    /** The hover card: { show(i), hide(), current } (null with cards: false). */
    get cards() {
      return cards;
    },
    /** The panel and keyboard navigation: { open(), close(), toggle(), next(kind?),
     *  previous(kind?), focus(i), focused, isOpen } (null without panel: true). */
    get panel() {
      return panel;
    },
    /** Opens the panel, creating it (and keyboard navigation) if the options did not;
     *  resolves to the panel (null if the annotation was cleared meanwhile). */
    async openPanel() {
      const { attachPanel } = await loadPanel();
      if (cleared) return null;
      panel ??= attachPanel(annotation, handle, uiLang(options), panelOptions(false));
      panel.open();
      return panel;
    },
    clear() {
      cleared = true;
      watcher?.stop();
      watcher = null;
      handle.clear();
      cards?.detach();
      panel?.detach();
      cards = null;
      panel = null;
      entities = null;
    },
    refresh() {
      cleared = false;
      handle.refresh();
      watcher?.forget(); // the marks refresh() drew (wrap mode) are not news
      entities = null;
      if (!cards && !(options && options.cards === false)) cards = attachCards(handle, uiLang(options));
    },
  };
  if (watched) watcher = watch(watched, () => annotation.refresh());
  if (attachPanel) panel = attachPanel(annotation, handle, uiLang(options), panelOptions(true));
  return annotation;
}

// ---------------------------------------------------------------- options

const KINDS = ['figure', 'initiative', 'document']; // the module's order (bit k = KINDS[k])

const optionsError = (message) => new TypeError(`zhupi: ${message}`);

/** The API's options object as the module takes it: a bit per kind, the flags, and the
 *  terms as two parallel lists. Throws a TypeError naming the field that is wrong. (The
 *  terms themselves — empty, too long, a line break — are checked by the module, with
 *  the same code as the CLI.) */
function readOptions(options) {
  const read = { kinds: 0b111, wrap: false, observe: false, frames: false, termTexts: [], termKinds: new Uint8Array(0) };
  if (options == null) return read;
  if (typeof options !== 'object') {
    throw optionsError('options must be an object such as { kinds: ["figure"], mode: "wrap" }');
  }
  if (options.kinds != null) read.kinds = kindBits(options.kinds);
  if (options.mode != null && options.mode !== 'highlight' && options.mode !== 'wrap') {
    throw optionsError('options.mode must be "highlight" or "wrap"');
  }
  read.wrap = options.mode === 'wrap';
  read.observe = Boolean(options.observe);
  read.frames = Boolean(options.frames);
  if (options.terms != null) {
    if (!Array.isArray(options.terms)) throw optionsError('options.terms must be an array of {text, kind}');
    read.termKinds = new Uint8Array(options.terms.length);
    options.terms.forEach((term, n) => {
      const text = term?.text;
      const kind = KINDS.indexOf(term?.kind);
      if (typeof text !== 'string') throw optionsError(`options.terms[${n}].text must be a string`);
      if (kind < 0) throw optionsError(`options.terms[${n}].kind must be figure, initiative or document`);
      read.termTexts.push(text);
      read.termKinds[n] = kind;
    });
  }
  return read;
}

// kinds: an array such as ["figure", "document"] or a string "figure,document".
function kindBits(kinds) {
  let names;
  if (typeof kinds === 'string') names = kinds.split(',').map((k) => k.trim()).filter(Boolean);
  else if (Array.isArray(kinds)) names = kinds;
  else throw optionsError('options.kinds must be an array such as ["figure", "document"] or a string "figure,document"');
  let bits = 0;
  for (const name of names) {
    if (typeof name !== 'string') throw optionsError('options.kinds must hold strings');
    const k = KINDS.indexOf(name);
    if (k < 0) throw optionsError(`unknown kind '${name}' in options.kinds (figure, initiative, document)`);
    bits |= 1 << k;
  }
  return bits;
}

// ---------------------------------------------------------------- observe

// How long the page must be still before an observed annotation is redone.
const SETTLE_MS = 80;

// Watches `root` and calls `refresh` once a burst of changes has settled; errors go to
// report(), never into the page. forget() drops the records of zhupi's own drawing, so
// that zhupi never answers its own changes.
function watch(root, refresh) {
  let timer = 0;
  const observer = new MutationObserver(() => {
    timer ||= setTimeout(() => {
      timer = 0;
      try {
        refresh();
      } catch (e) {
        report(explain(e));
      }
    }, SETTLE_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return {
    forget: () => observer.takeRecords(),
    stop() {
      observer.disconnect();
      clearTimeout(timer);
    },
  };
}
