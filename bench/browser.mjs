// The browser benchmark: one headless Chromium run, a ~1 MB article page built from the
// development-set texts with inline markup, and the median time of
//   - zhupi: annotate(article) (full extraction, matches across inline tags), and clear()
//   - mark.js 8.11 and advanced-mark.js 2.7: markRegExp(figureRegex, { acrossElements })
//     and unmark()
//   - the floor: a bare regex over each text node, one StaticRange per match, all in
//     one CSS highlight — the least any highlighter can do — and deleting it
// Each run starts from a freshly parsed copy of the article and ends with a forced
// layout, so that DOM-changing and DOM-preserving highlighters pay for what they do.
//
//   node bench/browser.mjs [--size 1000000] [--runs 15] [--only zhupi,floor]   (or: make bench-browser)

import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { launch, startServer, repo, shared } from '../tests/e2e/harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE = arg('--size', 1_000_000);
// 15 runs: fewer leave the median to the JIT's warm-up and the garbage collector.
const RUNS = arg('--runs', 15);
// --only: a comma-separated subset of the contenders (and no panel), for quick comparisons.
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : null;

// A figure regex as a site would write it for mark.js: a number with its multiplier,
// approximation and unit.
const FIGURE = String.raw`[近约超逾]?\d+(?:[.,]\d+)*(?:万|亿)?(?:多|余)?(?:%|％|个|名|人次|人|元|户|条|家|场次|期|所|公里|亩|吨|平方米|年|月|日)?`;

function escape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Paragraphs of the development set with inline markup, to about `size` bytes. */
function article(size) {
  const paragraphs = readdirSync(`${shared}gold`)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(`${shared}gold/${f}`, 'utf8')).text.split('\n'))
    .map((p) => p.trim())
    .filter(Boolean);
  const tags = [null, 'b', null, 'a', null, 'em', null, 'span'];
  const html = [];
  let bytes = 0;
  for (let k = 0; bytes < size; k++) {
    const text = paragraphs[k % paragraphs.length];
    const chunks = text.match(/[\s\S]{1,13}/g);
    const inner = chunks
      .map((c, i) => {
        const tag = tags[(i + k) % tags.length];
        if (!tag) return escape(c);
        return tag === 'a' ? `<a href="#p${k}">${escape(c)}</a>` : `<${tag}>${escape(c)}</${tag}>`;
      })
      .join('');
    html.push(`<p>${inner}</p>`);
    bytes += Buffer.byteLength(text);
  }
  return { html: html.join('\n'), bytes, paragraphs: html.length };
}

function page(body, script) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body><article id="root"></article><template id="source">${body}</template>${script}</body></html>`;
}

// Runs in the page: `setup(root)` resets nothing; `run(root)` marks and returns
// [markMs, clearMs, count]. Times are medians of RUNS runs on fresh copies.
const MEASURE = String.raw`
window.measure = async (runs, mark) => {
  const root = document.getElementById('root');
  const source = document.getElementById('source');
  const times = [], clears = [];
  let count = 0;
  for (let r = 0; r <= runs; r++) {
    root.replaceChildren(source.content.cloneNode(true));
    root.getBoundingClientRect();
    await new Promise((ok) => setTimeout(ok, 0));
    const t0 = performance.now();
    const undo = await mark(root);
    root.getBoundingClientRect();
    const t1 = performance.now();
    count = undo.count;
    await undo.clear();
    root.getBoundingClientRect();
    const t2 = performance.now();
    if (r > 0) { times.push(t1 - t0); clears.push(t2 - t1); } // run 0 warms up
  }
  const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  return { mark: median(times), clear: median(clears), count };
};`;

/** mark.js and advanced-mark.js share their API: markRegExp with acrossElements. */
function markJs(pkg, runs) {
  return {
    runs,
    script: `<script src="/node_modules/${pkg}/dist/mark.min.js"></script>
    <script type="module">${MEASURE}
      window.mark = (root) => new Promise((done) => {
        const instance = new Mark(root);
        instance.markRegExp(new RegExp(${JSON.stringify(FIGURE)}, 'g'), {
          acrossElements: true,
          done: (count) => done({ count, clear: () => new Promise((ok) => instance.unmark({ done: ok })) }),
        });
      });
      window.ready = true;
    </script>`,
  };
}

const CONTENDERS = {
  zhupi: {
    runs: RUNS,
    script: `<script type="module">
      import { annotate, load } from '/zhupi.js';
      ${MEASURE}
      window.mark = async (root) => {
        const a = await annotate(root);
        const c = a.counts;
        return { count: c.figure + c.initiative + c.document, clear: () => a.clear() };
      };
      load().then(() => { window.ready = true; });
    </script>`,
  },
  floor: {
    runs: RUNS,
    // A highlight with no style shows nothing: the floor pays for a visible one too.
    script: `<style>::highlight(floor) { background-color: rgba(227, 66, 52, 0.16); }</style>
    <script type="module">
      ${MEASURE}
      window.mark = async (root) => {
        const re = new RegExp(${JSON.stringify(FIGURE)}, 'g');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const highlight = new Highlight();
        for (let node; (node = walker.nextNode()); ) {
          const s = node.data;
          re.lastIndex = 0;
          for (let m; (m = re.exec(s)); ) {
            if (!m[0]) { re.lastIndex++; continue; }
            highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
          }
        }
        CSS.highlights.set('floor', highlight);
        return { count: highlight.size, clear: () => CSS.highlights.delete('floor') };
      };
      window.ready = true;
    </script>`,
  },
  'advanced-mark.js 2.7': markJs('advanced-mark.js', Math.max(3, Math.min(RUNS, 7))),
  'mark.js 8.11': markJs('mark.js', 3),
};

const { html, bytes, paragraphs } = article(SIZE);
const server = await startServer({ mounts: { '/node_modules/': `${repo}node_modules` } });
const browser = await launch();
const results = {};
try {
  for (const [name, { runs, script }] of Object.entries(CONTENDERS)) {
    if (ONLY && !ONLY.some((o) => name.startsWith(o))) continue;
    const p = await browser.newPage();
    p.on('pageerror', (e) => console.error(name, e.message));
    await p.route(`${server.url}bench.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(html, script) }),
    );
    await p.goto(`${server.url}bench.html`);
    await p.waitForFunction(() => window.ready === true, null, { timeout: 60000 });
    results[name] = await p.evaluate((r) => window.measure(r, window.mark), runs);
    results[name].runs = runs;
    console.error(`${name}: ${results[name].mark.toFixed(1)} ms, clear ${results[name].clear.toFixed(1)} ms, ${results[name].count} marked`);
    await p.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// The panel: with about 2,000 entities on the page, how long openPanel() takes to
// build and lay out the panel (median of 7, each on a fresh annotation).
if (ONLY) process.exit(0);
const panelPage = article(Math.round((SIZE * 2000) / results.zhupi.count));
{
  const server2 = await startServer();
  const browser2 = await launch();
  try {
    const p = await browser2.newPage({ viewport: { width: 1200, height: 800 } });
    await p.route(`${server2.url}panel.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: page(panelPage.html, `<script type="module">
          import { annotate, load } from '/zhupi.js';
          window.openTimes = async (runs) => {
            const root = document.getElementById('root');
            root.replaceChildren(document.getElementById('source').content.cloneNode(true));
            const times = [];
            let count = 0;
            for (let r = 0; r <= runs; r++) {
              const a = await annotate(root);
              count = a.entities.length;
              const t0 = performance.now();
              await a.openPanel(); // the first run also fetches panel.js; it is not counted
              document.querySelector('[data-zhupi-ui=panel]').shadowRoot.querySelector('.panel').getBoundingClientRect();
              if (r > 0) times.push(performance.now() - t0);
              a.clear();
            }
            times.sort((x, y) => x - y);
            return { ms: times[times.length >> 1], count };
          };
          load().then(() => { window.ready = true; });
        </script>`),
      }),
    );
    await p.goto(`${server2.url}panel.html`);
    await p.waitForFunction(() => window.ready === true);
    results.panel = await p.evaluate(() => window.openTimes(7));
    console.error(`panel: opens in ${results.panel.ms.toFixed(1)} ms with ${results.panel.count} entities`);
  } finally {
    await browser2.close();
    await server2.close();
  }
}

const z = results.zhupi;
const rows = Object.entries(results).filter(([name]) => name !== 'panel').map(
  ([name, r]) => `| ${name} | ${r.mark.toFixed(1)} ms | ${r.clear.toFixed(1)} ms | ${r.count} | ${(r.mark / z.mark).toFixed(2)}× |`,
);
const summary = [
  `Page: ${(bytes / 1e6).toFixed(2)} MB of text in ${paragraphs} paragraphs with inline markup; median of runs, Chromium ${browser.version()}.`,
  '',
  '| highlighter | annotate / mark | clear / unmark | marked | vs zhupi |',
  '|---|---|---|---|---|',
  ...rows,
  '',
  `zhupi / floor: ${(z.mark / results.floor.mark).toFixed(2)}× (target ≤ 3); ` +
    `zhupi / advanced-mark.js: ${(z.mark / results['advanced-mark.js 2.7'].mark).toFixed(3)} (target ≤ 0.5); ` +
    `zhupi / mark.js: ${(z.mark / results['mark.js 8.11'].mark).toFixed(4)} (target ≤ 0.02).`,
  `Panel: opens in ${results.panel.ms.toFixed(1)} ms with ${results.panel.count} entities (target < 100 ms).`,
].join('\n');
console.log(summary);
mkdirSync(`${repo}target`, { recursive: true });
writeFileSync(`${repo}target/bench-browser.json`, JSON.stringify({ bytes, paragraphs, results }, null, 2));
