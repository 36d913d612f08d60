// The browser benchmark: headless Chromium (then Firefox and WebKit), ~1 MB article pages built from the
// development-set texts with inline markup, and the median time of
//   - zhupi: annotate(article) (full extraction, matches across inline tags), and clear();
//     and annotate() with no root, which finds the article first (the embed's default)
//   - mark.js 8.11 and advanced-mark.js 2.7: markRegExp(figureRegex, { acrossElements })
//     and unmark()
//   - the floor: a bare regex over each text node, one StaticRange per match, all in
//     one CSS highlight — the least any highlighter can do — and deleting it
// Each run starts from a freshly parsed copy of the article and ends with a forced
// layout, so that DOM-changing and DOM-preserving highlighters pay for what they do.
// Two shapes of page: an inline tag every 13 characters (the shape that is hardest on
// a highlighter matching across tags), and every 40, the shape real articles have. On
// each, zhupi (both ways) and the floor run in one page, interleaved run by run, so
// that the machine's drift falls on all three alike; mark.js and advanced-mark.js, which
// take seconds, run on the first shape in pages of their own. Then zhupi and the floor
// again in Firefox and WebKit, each engine beside its own floor.
//
//   node bench/browser.mjs [--size 1000000] [--runs 15] [--only -]   (or: make bench-browser)

import { writeFileSync, mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { launch, startServer, repo } from '../tests/e2e/harness.mjs';
import { benchParagraphs } from './texts.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE = arg('--size', 1_000_000);
// 15 runs: fewer leave the median to the JIT's warm-up and the garbage collector.
const RUNS = arg('--runs', 15);
// --only: which of mark.js and advanced-mark.js to run as well (by name: "mark", "adv";
// none: "-"), and neither the panel nor the other engines, for quick comparisons.
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : null;

// A figure regex as a site would write it for mark.js: a number with its multiplier,
// approximation and unit.
const FIGURE = String.raw`[近约超逾]?\d+(?:[.,]\d+)*(?:万|亿)?(?:多|余)?(?:%|％|个|名|人次|人|元|户|条|家|场次|期|所|公里|亩|吨|平方米|年|月|日)?`;

function escape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Paragraphs of the development set with an inline tag (or a plain run) every `every`
 *  characters, to about `size` bytes. */
function article(size, every = 13) {
  const tags = [null, 'b', null, 'a', null, 'em', null, 'span'];
  const html = [];
  let bytes = 0;
  benchParagraphs(size).forEach((text, k) => {
    const chunks = text.match(new RegExp(`[\\s\\S]{1,${every}}`, 'g'));
    const inner = chunks
      .map((c, i) => {
        const tag = tags[(i + k) % tags.length];
        if (!tag) return escape(c);
        return tag === 'a' ? `<a href="#p${k}">${escape(c)}</a>` : `<${tag}>${escape(c)}</${tag}>`;
      })
      .join('');
    html.push(`<p>${inner}</p>`);
    bytes += Buffer.byteLength(text);
  });
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
    window.gc?.(); // the garbage of the last run is collected before, not during, this one
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
};
// Several contenders interleaved: each run times every one of them, in turn, on a fresh
// copy; the medians per contender. The order turns by one each run, so that each
// contender runs first, second … equally often (what runs just before another, its
// garbage, its heap, falls on all alike).
window.measureTogether = async (runs, contenders) => {
  const root = document.getElementById('root');
  const source = document.getElementById('source');
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((n) => [n, { mark: [], clear: [], count: 0 }]));
  for (let r = 0; r <= runs; r++) {
    for (const name of names.map((_, k) => names[(k + r) % names.length])) {
      root.replaceChildren(source.content.cloneNode(true));
      root.getBoundingClientRect();
      await new Promise((ok) => setTimeout(ok, 0));
      window.gc?.(); // the garbage of the last run is collected before, not during, this one
      const t0 = performance.now();
      const undo = await contenders[name](root);
      root.getBoundingClientRect();
      const t1 = performance.now();
      await undo.clear();
      root.getBoundingClientRect();
      const t2 = performance.now();
      times[name].count = undo.count;
      if (r > 0) { times[name].mark.push(t1 - t0); times[name].clear.push(t2 - t1); } // run 0 warms up
    }
  }
  const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
  // Each contender's times run by run too ('each'), for ratios within a run.
  return Object.fromEntries(names.map((n) => [n, { mark: median(times[n].mark), clear: median(times[n].clear), count: times[n].count, each: times[n].mark }]));
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

// zhupi both ways and the floor, each a function of the root returning { count, clear }.
const TOGETHER = String.raw`<style>::highlight(floor) { background-color: rgba(227, 66, 52, 0.16); }</style>
<script type="module">
  import { annotate, load } from '/zhupi.js';
  ${MEASURE}
  const annotated = async (root) => {
    const a = await annotate(root);
    const c = a.counts;
    return { count: c.figure + c.initiative + c.document, clear: () => a.clear() };
  };
  window.contenders = {
    zhupi: annotated,
    // The embed's default: no root, the article found on the page first.
    'zhupi, finding the article': () => annotated('auto'),
    // The least any highlighter can do; a highlight with no style shows nothing, so the
    // floor pays for a visible one too.
    floor: async (root) => {
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
    },
  };
  load().then(() => { window.ready = true; });
</script>`;

const SHAPES = [13, 40];
const SEPARATE = {
  'advanced-mark.js 2.7': markJs('advanced-mark.js', Math.max(3, Math.min(RUNS, 7))),
  'mark.js 8.11': markJs('mark.js', 3),
};

const server = await startServer({ mounts: { '/node_modules/': `${repo}node_modules` } });
// gc() in the page, so that each run starts with the last one's garbage collected.
const browser = await launch(['--js-flags=--expose-gc']);
const results = {}; // per shape: { contender: { mark, clear, count, runs } }
const pages = {};
async function openBench(html, script) {
  const p = await browser.newPage();
  p.on('pageerror', (e) => console.error(e.message));
  await p.route(`${server.url}bench.html`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(html, script) }),
  );
  await p.goto(`${server.url}bench.html`);
  await p.waitForFunction(() => window.ready === true, null, { timeout: 60000 });
  return p;
}
try {
  for (const every of SHAPES) {
    const shape = article(SIZE, every);
    pages[every] = shape;
    const p = await openBench(shape.html, TOGETHER);
    results[every] = await p.evaluate((r) => window.measureTogether(r, window.contenders), RUNS);
    for (const [name, r] of Object.entries(results[every])) {
      r.runs = RUNS;
      console.error(`every ${every}: ${name}: ${r.mark.toFixed(1)} ms, clear ${r.clear.toFixed(1)} ms, ${r.count} marked`);
    }
    await p.close();
  }
  for (const [name, { runs, script }] of Object.entries(SEPARATE)) {
    if (ONLY && !ONLY.some((o) => name.startsWith(o))) continue;
    const p = await openBench(pages[13].html, script);
    const r = await p.evaluate((n) => window.measure(n, window.mark), runs);
    results[13][name] = { ...r, runs };
    console.error(`every 13: ${name}: ${r.mark.toFixed(1)} ms, clear ${r.clear.toFixed(1)} ms, ${r.count} marked`);
    await p.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// The other engines, Firefox and WebKit (through WebDriver, tests/e2e/harness.mjs): zhupi
// and the floor on the same two pages, each engine beside its own floor (mark.js and
// advanced-mark.js are left to Chromium: seconds a run, and their ratio to zhupi is a
// question of the engine less than of the highlighters).
const OTHER_ENGINES = ONLY ? [] : ['firefox', 'webkit'];
results.engines = {};
for (const engine of OTHER_ENGINES) {
  const made = {};
  const server3 = await startServer({ pages: made });
  const other = await launch([], engine);
  try {
    const out = (results.engines[engine] = { version: other.version });
    for (const every of SHAPES) {
      made['/bench.html'] = page(pages[every].html, TOGETHER);
      const p = await other.newPage();
      await p.driver.manage().setTimeouts({ script: 900000, pageLoad: 120000 });
      await p.goto(`${server3.url}bench.html`);
      await p.waitForFunction(() => window.ready === true, null, { timeout: 60000 });
      out[every] = await p.evaluate((r) => window.measureTogether(r, window.contenders), RUNS);
      for (const [name, r] of Object.entries(out[every])) {
        console.error(`${engine} ${other.version}, every ${every}: ${name}: ${r.mark.toFixed(1)} ms, clear ${r.clear.toFixed(1)} ms, ${r.count} marked`);
      }
      assert.equal(out[every].zhupi.count, results[every].zhupi.count, `${engine} marks what Chromium marks`);
      await p.close();
    }
  } finally {
    await other.close();
    await server3.close();
  }
}

// The panel: with about 2,000 entities on the page, how long openPanel() takes to
// build and lay out the panel (median of 7, each on a fresh annotation).
const panelPage = article(Math.round((SIZE * 2000) / results[13].zhupi.count));
if (!ONLY) {
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

const table = (every) => {
  const z = results[every].zhupi;
  return [
    `Page: ${(pages[every].bytes / 1e6).toFixed(2)} MB of text in ${pages[every].paragraphs} paragraphs, an inline tag every ${every} characters; medians, Chromium ${browser.version}.`,
    '',
    '| highlighter | annotate / mark | clear / unmark | marked | vs zhupi |',
    '|---|---|---|---|---|',
    ...Object.entries(results[every]).map(
      ([name, r]) => `| ${name} | ${r.mark.toFixed(1)} ms | ${r.clear.toFixed(1)} ms | ${r.count} | ${(r.mark / z.mark).toFixed(2)}× |`,
    ),
    '',
  ];
};
/** Each engine beside its own floor, on both pages. */
const engineRows = () => {
  const row = (name, version, byShape) =>
    `| ${name} ${version} | ` +
    SHAPES.map((every) => {
      const r = byShape[every];
      return `${r.zhupi.mark.toFixed(1)} ms | ${r.floor.mark.toFixed(1)} ms | ${(r.zhupi.mark / r.floor.mark).toFixed(2)}× (${medianRatio(r.zhupi.each, r.floor.each)}×)`;
    }).join(' | ') + ' |';
  return [
    'Each engine beside its own floor (medians; zhupi annotate, the floor, their ratio, and in brackets the median of the ratios run by run):',
    '',
    `| engine | ${SHAPES.map((e) => `zhupi, tag every ${e} | floor | zhupi / floor`).join(' | ')} |`,
    `|---|${SHAPES.map(() => '---|---|---|').join('')}`,
    row('Chromium', browser.version, results),
    ...Object.entries(results.engines).map(([engine, r]) => row(engine === 'firefox' ? 'Firefox' : 'WebKitGTK', r.version, r)),
    '',
  ];
};
const ratio = (every, a, b) => (results[every][a].mark / results[every][b].mark).toFixed(2);
// The median of the two contenders' ratio within each run: they ran one after the other
// on the same copy of the page, so the machine's drift from run to run (a quarter on
// this machine within a minute) falls out of it, as it does not of a ratio of medians.
const medianRatio = (x, y) => {
  const each = x.map((t, r) => t / y[r]).sort((p, q) => p - q);
  return each[each.length >> 1].toFixed(2);
};
const pairedRatio = (every, a, b) => medianRatio(results[every][a].each, results[every][b].each);
const r13 = results[13];
const summary = [
  ...table(13),
  ...table(40),
  `zhupi / floor: ${ratio(13, 'zhupi', 'floor')}× on the first page, ${ratio(40, 'zhupi', 'floor')}× on the second (target ≤ 3 on both); run by run, a median of ${pairedRatio(13, 'zhupi', 'floor')}× and ${pairedRatio(40, 'zhupi', 'floor')}×.`,
  `Finding the article: ${ratio(13, 'zhupi, finding the article', 'zhupi')}× and ${ratio(40, 'zhupi, finding the article', 'zhupi')}× zhupi's time with the root given (target ≤ 1.10); run by run, a median of ${pairedRatio(13, 'zhupi, finding the article', 'zhupi')}× and ${pairedRatio(40, 'zhupi, finding the article', 'zhupi')}×.`,
  ...(r13['mark.js 8.11']
    ? [`zhupi / advanced-mark.js: ${ratio(13, 'zhupi', 'advanced-mark.js 2.7')} (target ≤ 0.5); zhupi / mark.js: ${(r13.zhupi.mark / r13['mark.js 8.11'].mark).toFixed(4)} (target ≤ 0.02).`]
    : []),
  ...(results.panel ? [`Panel: opens in ${results.panel.ms.toFixed(1)} ms with ${results.panel.count} entities (target < 100 ms).`] : []),
  '',
  ...engineRows(),
].join('\n');
console.log(summary);
mkdirSync(`${repo}target`, { recursive: true });
writeFileSync(`${repo}target/bench-browser.json`, JSON.stringify({ pages: { 13: pages[13].bytes, 40: pages[40].bytes }, results }, null, 2));
