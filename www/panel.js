// The summary panel and keyboard navigation (option `panel: true`).
//
// Everything the article claims, in one place: counts per kind, the entities in
// document order grouped by kind (initiatives and documents once each, with how often
// they are named), a filter, toggles that show or hide each kind, exports, and the
// keyboard shortcuts. It lives in a shadow root (`:host { all: initial }`), so page CSS
// cannot restyle it and its CSS cannot leak out. Keys are never taken from the page's
// own inputs.

import { entityRange } from './card.js';

const STYLE = `
:host { all: initial; }
.panel {
  position: fixed; top: 12px; right: 12px; bottom: 12px; width: 340px; z-index: 2147483646;
  display: flex; flex-direction: column; box-sizing: border-box; overflow: hidden;
  font: 14px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; color: #1f1f1f;
  background: #fffdf8; border: 1px solid #d8d2c4; border-radius: 8px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.2);
}
.panel[hidden] { display: none; }
header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px 4px; }
h2 { margin: 0; font-size: 16px; color: #a3170f; }
h3 { margin: 10px 0 4px; font-size: 13px; color: #5c5646; }
button { font: inherit; color: inherit; cursor: pointer; }
.close { border: 0; background: none; font-size: 20px; line-height: 1; padding: 2px 6px; }
.counts { margin: 0 14px 6px; color: #5c5646; }
.no-article { margin: 0 14px 8px; }
.whole-page { border: 1px solid #b9b2a2; border-radius: 4px; background: #fff; padding: 1px 8px; margin-top: 4px; }
.controls { padding: 0 14px 8px; border-bottom: 1px solid #e6e1d6; }
input[type=search] { width: 100%; box-sizing: border-box; font: inherit; padding: 4px 8px; border: 1px solid #b9b2a2; border-radius: 4px; background: #fff; color: #1f1f1f; }
.toggles, .exports { display: flex; flex-wrap: wrap; gap: 6px 12px; margin-top: 6px; align-items: center; }
.exports button { border: 1px solid #b9b2a2; border-radius: 4px; background: #fff; padding: 1px 8px; }
.list { flex: 1; overflow: auto; padding: 0 14px 8px; }
ul { list-style: none; margin: 0; padding: 0; }
li button { display: block; width: 100%; text-align: left; border: 0; border-left: 3px solid transparent; background: none; padding: 3px 6px; border-radius: 3px; }
li button:hover, li button:focus-visible { background: #f3efe6; }
section[data-kind=figure] li button { border-left-color: #c41e14; }
section[data-kind=initiative] li button { border-left-color: #1d4ed8; }
section[data-kind=document] li button { border-left-color: #047857; }
.value, .times { color: #5c5646; margin-left: 6px; }
li[hidden] { display: none; }
:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
footer { padding: 6px 14px 10px; border-top: 1px solid #e6e1d6; color: #5c5646; font-size: 12px; }
kbd { font: 12px ui-monospace, monospace; border: 1px solid #b9b2a2; border-radius: 3px; padding: 0 4px; background: #fff; color: #1f1f1f; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (prefers-color-scheme: dark) {
  .panel { color: #ece8df; background: #1e1c18; border-color: #4a463c; }
  h2 { color: #ff8a80; }
  h3, .counts, .value, .times, footer { color: #c4bdae; }
  input[type=search], .exports button, .whole-page, kbd { background: #2a2823; color: #ece8df; border-color: #6b6556; }
  li button:hover, li button:focus-visible { background: #2f2c26; }
  .controls, footer { border-color: #3b382f; }
}
`;

const WORDS = {
  en: {
    title: 'zhupi', close: 'Close', filter: 'Filter', show: 'Show', export: 'Export',
    kinds: { figure: 'Figures', initiative: 'Initiatives', document: 'Documents' },
    counts: (c) => `${c.figure} figures · ${c.initiative} initiatives · ${c.document} documents`,
    times: (n) => `×${n}`, keys: 'Keys',
    shortcuts: [['.', 'next highlight'], [',', 'previous highlight'], ['1 2 3', 'next figure, initiative, document'],
      ['⇧1 ⇧2 ⇧3', 'previous of that kind'], ['z', 'open or close this panel']],
    at: (n, total) => `${n} of ${total}`, copied: 'copied',
    noArticle: 'No article found on this page: nothing is marked.', wholePage: 'Annotate the whole page',
  },
  zh: {
    title: '朱批', close: '关闭', filter: '筛选', show: '显示', export: '导出',
    kinds: { figure: '数字', initiative: '举措', document: '文件' },
    counts: (c) => `数字 ${c.figure} · 举措 ${c.initiative} · 文件 ${c.document}`,
    times: (n) => `×${n}`, keys: '快捷键',
    shortcuts: [['.', '下一个'], [',', '上一个'], ['1 2 3', '下一个数字、举措、文件'], ['⇧1 ⇧2 ⇧3', '上一个同类'], ['z', '打开或关闭本面板']],
    at: (n, total) => `第 ${n} 个，共 ${total} 个`, copied: '已复制',
    noArticle: '本页未找到文章，未作标注。', wholePage: '标注整个页面',
  },
};

const KINDS = ['figure', 'initiative', 'document'];
const EXPORTS = { json: 'application/json', csv: 'text/csv;charset=utf-8', w3c: 'application/ld+json' };

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'for') el.setAttribute(k, v);
    else el[k] = v;
  }
  el.append(...children);
  return el;
}

/** Is the event aimed at something the page's reader types into? */
function typing(e) {
  const t = e.composedPath()[0];
  return !!t && t.nodeType === 1 && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

/**
 * The panel for `annotation` (and its module `handle`), in interface language `lang`;
 * `onFocus(i)` is told when the reader moves to entity i (the hover card shows it);
 * `onWholePage`, where no article was found on the page, is what the panel's offer to
 * annotate the whole page calls.
 * Returns { open(), close(), toggle(), next(kind?), previous(kind?), focus(i),
 *           focused, isOpen, detach() }.
 */
export function attachPanel(annotation, handle, lang, { open: startOpen = false, onFocus = () => {}, onWholePage = null } = {}) {
  const words = lang === 'zh' ? WORDS.zh : WORDS.en;
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  let host = null;
  let root = null;
  let focused = -1;
  let items = null; // [{kind, label, text, value}]
  let flashTimer = 0;
  const hidden = new Set();
  const hideSheet = new CSSStyleSheet();

  const list = () => (items ??= JSON.parse(handle.summary(lang)));

  const rangeOf = (i) => entityRange(handle, i);

  // The current entity's focus state: a highlight of its own, above zhupi's others.
  const showFocus = (range, flash) => {
    if (typeof Highlight !== 'function') return;
    const h = new Highlight(new StaticRange(range));
    h.priority = 1;
    CSS.highlights.set('zhupi-focus', h);
    clearTimeout(flashTimer);
    if (flash && !reduced) flashTimer = setTimeout(() => CSS.highlights.delete('zhupi-focus'), 900);
  };

  const say = (text) => {
    const live = root && root.querySelector('.live');
    if (live) live.textContent = text;
  };

  /** Scrolls entity `i` into view and shows its focus state. */
  const focus = (i, { flash = false } = {}) => {
    const all = list();
    if (i < 0 || i >= all.length) return;
    const range = rangeOf(i);
    if (!range) return;
    focused = i;
    const target = range.startContainer.parentElement;
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    showFocus(range, flash);
    onFocus(i);
    const e = all[i];
    say(`${words.at(i + 1, all.length)}: ${e.label} · ${e.text}${e.value ? ` · ${e.value}` : ''}`);
  };

  const step = (direction, kind) => {
    const all = list();
    for (let k = 1; k <= all.length; k++) {
      const i = (((focused + direction * k) % all.length) + all.length) % all.length;
      if ((!kind || all[i].kind === kind) && !hidden.has(all[i].kind)) return focus(i);
    }
  };

  const setHidden = (kind, hide) => {
    if (hide) hidden.add(kind);
    else hidden.delete(kind);
    const rules = [...hidden].map(
      (k) => `::highlight(zhupi-${k}) { background-color: transparent; text-decoration: none; }
              mark.zhupi.zhupi-${k} { background: none !important; text-decoration: none !important; }`,
    );
    hideSheet.replaceSync(rules.join('\n'));
    const sheets = document.adoptedStyleSheets.filter((s) => s !== hideSheet);
    document.adoptedStyleSheets = hidden.size ? [...sheets, hideSheet] : sheets;
  };

  const exportAs = (format, button) => {
    const text = annotation.export(format);
    const a = element('a', { href: URL.createObjectURL(new Blob([text], { type: EXPORTS[format] })) });
    a.download = `zhupi.${format === 'w3c' ? 'jsonld' : format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    navigator.clipboard?.writeText(text).then(
      () => say(`${format.toUpperCase()} ${words.copied}`),
      () => {},
    );
    button.blur();
  };

  const build = () => {
    host = element('div', { 'data-zhupi-ui': 'panel' });
    root = host.attachShadow({ mode: 'open' });
    const counts = annotation.counts;
    const all = list();
    const sections = KINDS.map((kind) => {
      const ul = element('ul', { role: 'list' });
      if (kind === 'figure') {
        all.forEach((e, i) => {
          if (e.kind !== kind) return;
          ul.append(element('li', { 'data-search': `${e.text} ${e.value ?? ''}`.toLowerCase() },
            element('button', { type: 'button', 'data-index': i }, e.text, element('span', { className: 'value', text: e.value ?? '' }))));
        });
      } else {
        // Initiatives and documents once each, at their first mention, with a count.
        const seen = new Map();
        all.forEach((e, i) => {
          if (e.kind !== kind) return;
          const entry = seen.get(e.text);
          if (entry) entry.n++;
          else seen.set(e.text, { i, n: 1 });
        });
        for (const [text, { i, n }] of seen) {
          ul.append(element('li', { 'data-search': text.toLowerCase() },
            element('button', { type: 'button', 'data-index': i }, text, element('span', { className: 'times', text: words.times(n) }))));
        }
      }
      return element('section', { 'data-kind': kind, 'aria-label': words.kinds[kind] },
        element('h3', { text: `${words.kinds[kind]} (${counts[kind]})` }), ul);
    });
    const toggles = element('fieldset', { className: 'toggles', style: 'border:0;padding:0;margin:6px 0 0' },
      element('legend', { text: words.show, style: 'padding:0;float:left;margin-right:8px' }),
      ...KINDS.map((kind) => {
        const box = element('input', { type: 'checkbox', checked: !hidden.has(kind), 'data-kind': kind, id: `zhupi-show-${kind}` });
        return element('label', { for: `zhupi-show-${kind}` }, box, ` ${words.kinds[kind]}`);
      }));
    const exports = element('div', { className: 'exports', role: 'group', 'aria-label': words.export },
      element('span', { text: words.export }),
      ...Object.keys(EXPORTS).map((f) => element('button', { type: 'button', 'data-format': f, text: f.toUpperCase() })));
    const keys = element('footer', {}, element('h3', { text: words.keys }),
      ...words.shortcuts.map(([k, what]) => element('div', {}, element('kbd', { text: k }), ` ${what}`)));
    const panel = element('div', { className: 'panel', role: 'complementary', 'aria-label': words.title },
      element('header', {}, element('h2', { text: words.title }),
        element('button', { type: 'button', className: 'close', 'aria-label': words.close, text: '×' })),
      element('p', { className: 'counts', text: words.counts(counts) }),
      ...(onWholePage
        ? [element('p', { className: 'no-article' }, words.noArticle, ' ',
            element('button', { type: 'button', className: 'whole-page', text: words.wholePage }))]
        : []),
      element('div', { className: 'controls' },
        element('input', { type: 'search', placeholder: words.filter, 'aria-label': words.filter }), toggles, exports),
      element('div', { className: 'list' }, ...sections),
      keys,
      element('div', { className: 'live', 'aria-live': 'polite' }));
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style, panel);

    panel.addEventListener('click', (e) => {
      const button = e.target.closest('button');
      if (!button) return;
      if (button.classList.contains('close')) return close();
      if (button.classList.contains('whole-page')) return onWholePage();
      if (button.dataset.format) return exportAs(button.dataset.format, button);
      if (button.dataset.index) focus(Number(button.dataset.index), { flash: true });
    });
    panel.addEventListener('change', (e) => {
      if (e.target.dataset.kind) setHidden(e.target.dataset.kind, !e.target.checked);
    });
    panel.querySelector('input[type=search]').addEventListener('input', (e) => {
      const q = e.target.value.trim().toLowerCase();
      for (const li of panel.querySelectorAll('li')) li.hidden = !!q && !li.dataset.search.includes(q);
    });
    document.body.append(host);
  };

  function open() {
    if (!host) build();
    root.querySelector('.panel').hidden = false;
  }

  function close() {
    if (root) root.querySelector('.panel').hidden = true;
  }

  const isOpen = () => !!root && !root.querySelector('.panel').hidden;

  const onKey = (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    const kind = { Digit1: 'figure', Digit2: 'initiative', Digit3: 'document' }[e.code];
    if (e.key === '.') step(+1);
    else if (e.key === ',') step(-1);
    else if (kind) step(e.shiftKey ? -1 : +1, kind);
    else if (e.key === 'z' || e.key === 'Z') (isOpen() ? close : open)();
    else if (e.key === 'Escape' && isOpen()) close();
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  if (startOpen) open();

  return {
    open,
    close,
    toggle: () => (isOpen() ? close() : open()),
    next: (kind) => step(+1, kind),
    previous: (kind) => step(-1, kind),
    focus,
    get focused() {
      return focused;
    },
    get isOpen() {
      return isOpen();
    },
    detach() {
      document.removeEventListener('keydown', onKey);
      clearTimeout(flashTimer);
      CSS.highlights?.delete('zhupi-focus');
      setHidden('figure', false);
      hidden.clear();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== hideSheet);
      host?.remove();
      host = null;
      root = null;
    },
  };
}
