// The one-tag embed:
//   <script type="module" src=".../embed.js" data-root="article"
//           data-kinds="figure,initiative,document"></script>
// Optional: data-mode="wrap", data-observe, data-frames, data-panel (the summary
// panel and keyboard navigation), data-lang="zh"|"en".
//
// Once the DOM is ready it annotates the root (default: the article zhupi finds on the
// page; nothing is marked where the page has none), sets window.zhupi = { annotate,
// current } and dispatches `zhupi:ready` on document with the Annotation as detail
// (its `article` null where no article was found). Errors go to console.warn and
// `zhupi:error`; nothing is thrown into the page.

import { annotate, report } from './zhupi.js';

const tag = [...document.querySelectorAll('script[src]')].find((s) => s.src === import.meta.url);
const data = tag ? tag.dataset : {};
const flag = (name) => name in data && data[name] !== 'false';

window.zhupi = { annotate, current: null };

async function run() {
  const root = data.root ? document.querySelector(data.root) : 'auto';
  if (!root) {
    report(new Error(`zhupi: no element matches data-root="${data.root}"`));
    return;
  }
  const options = { observe: flag('observe'), frames: flag('frames'), panel: flag('panel') };
  if (data.lang) options.lang = data.lang;
  if (data.kinds) options.kinds = data.kinds;
  if (data.mode) options.mode = data.mode;
  try {
    window.zhupi.current = await annotate(root, options);
    document.dispatchEvent(new CustomEvent('zhupi:ready', { detail: window.zhupi.current }));
  } catch {
    // annotate() has reported it.
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', run, { once: true });
} else {
  run();
}
