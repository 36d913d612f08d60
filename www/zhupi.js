// zhupi's JavaScript API: `annotate(root?, options?)` → Promise<Annotation>.
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
// Annotation: { entities, counts: { figure, initiative, document }, text, mode,
//               export("json" | "csv" | "w3c"), clear(), refresh() }

import init, { annotate as annotateWasm, checkOptions as checkWasm } from './pkg/zhupi.js';
import { attachCards } from './card.js';

const here = import.meta.url;
let loading = null;

// The panel's code is fetched only when a panel is asked for: most embeds never open
// one, and it is the largest piece of the interface.
let panelModule = null;
const loadPanel = () => (panelModule ??= import('./panel.js'));

// The module's two exports, from whichever build loaded (see loadModule).
let exports_ = { annotate: annotateWasm, checkOptions: checkWasm };

/** Loads the module and the stylesheet once; resolves to the stylesheet's text. */
export function load() {
  loading ??= Promise.all([
    loadModule(),
    fetch(new URL('zhupi.css', here)).then((r) => (r.ok ? r.text() : '')).catch(() => ''),
  ]).then(
    ([, css]) => css || linkStylesheet(),
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

function refusedByPolicy(e) {
  return /Content Security Policy|Refused to compile|unsafe-eval|wasm-unsafe-eval|CompileError/i.test(
    String((e && (e.name + ' ' + e.message)) || e),
  );
}

/** Validates options as annotate() would, without touching the page; throws a clear Error. */
export async function checkOptions(options) {
  await load();
  try {
    exports_.checkOptions(options);
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
  if (/Content Security Policy|Refused to compile|unsafe-eval|wasm-unsafe-eval/i.test(text)) {
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

/** The element an embed annotates by default: the first article, else main, else body. */
export function defaultRoot(doc = document) {
  return doc.querySelector('article') || doc.querySelector('main') || doc.body;
}

/** Annotates `root` (default: see defaultRoot). Rejects with a clear error on bad input. */
export async function annotate(root, options) {
  try {
    const css = await load();
    root ??= defaultRoot();
    if (!root || root.nodeType !== 1) {
      throw new TypeError('zhupi: annotate(root) needs an Element, such as document.querySelector("article")');
    }
    const panelWanted = options && options.panel;
    const attachPanel = panelWanted ? (await loadPanel()).attachPanel : null;
    return shape(exports_.annotate(root, options, css), options, attachPanel);
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

function shape(handle, options, attachPanel) {
  let entities = null;
  let cleared = false;
  let cards = options && options.cards === false ? null : attachCards(handle, uiLang(options));
  let panel = null;
  // Moving to an entity from the panel or the keyboard shows its card too.
  const onFocus = (i) => cards?.show(i);
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
      panel ??= attachPanel(annotation, handle, uiLang(options), { open: false, onFocus });
      panel.open();
      return panel;
    },
    clear() {
      cleared = true;
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
      entities = null;
      if (!cards && !(options && options.cards === false)) cards = attachCards(handle, uiLang(options));
    },
  };
  if (attachPanel) panel = attachPanel(annotation, handle, uiLang(options), { open: true, onFocus });
  return annotation;
}
