// The article finder on the saved news pages (../shared/pages/), beside Mozilla
// Readability, in one headless Chromium run:
//   - what each finds: zhupi's embed with no data-root (its annotation's text and
//     entities) and Readability's parse(), written in the form
//     ../shared/eval/article_score.py scores (P/R/F1, pages at F1 ≥ 0.9, the share of
//     marked entities in the article, the article's entities still marked);
//   - what each costs on each page: zhupi's findArticle(document) (the page's one read
//     with the finder's outline, and the finder) against Readability's parse() on a
//     clone of the document (as Firefox's Reader View runs it; the clone is timed with
//     it, as a caller must make one), the median of RUNS runs each, interleaved.
// Every request off this machine is refused and the pages' own scripts are stripped.
//
//   node bench/pages.mjs OUT.json [--runs 9]        (or: make eval-pages)

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, startServer, shared, repo } from '../tests/e2e/harness.mjs';

const out = process.argv[2] || 'target/pages.json';
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const require = createRequire(import.meta.url);
const READABILITY = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

const browser = await launch();
const server = await startServer();
const pages = readdirSync(`${shared}pages`).filter((f) => f.endsWith('.html'));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const result = {};
const times = [];

for (const file of pages) {
  const page = await browser.newPage();
  const html = readFileSync(`${shared}pages/${file}`, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${server.url}page.html`) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    return url.startsWith(server.url) ? route.continue() : route.abort();
  });
  await page.goto(`${server.url}page.html`);
  const r = await page.evaluate(
    async ({ READABILITY, base, RUNS }) => {
      const Readability = new Function(`${READABILITY}; return Readability;`)();
      const zhupi = await import(`${base}zhupi.js`);
      await zhupi.load();
      const tRead = [];
      const tFind = [];
      let readability = '';
      for (let k = 0; k < RUNS; k++) {
        let t = performance.now();
        const parsed = new Readability(document.cloneNode(true)).parse();
        tRead.push(performance.now() - t);
        readability = parsed ? parsed.textContent : '';
        t = performance.now();
        await zhupi.findArticle(document);
        tFind.push(performance.now() - t);
      }
      const a = await zhupi.annotate();
      const found = a.article;
      const res = {
        readability,
        zhupi: a.text,
        zhupi_entities: a.entities.map((e) => [e.kind, e.text, e.start, e.end]),
        article: found && found.map((e) => e.localName + (e.id ? `#${e.id}` : '') + (e.className ? `.${String(e.className).split(/\s+/)[0]}` : '')),
        t_read: tRead,
        t_find: tFind,
      };
      a.clear();
      return res;
    },
    { READABILITY, base: server.url, RUNS },
  );
  const name = file.replace(/\.html$/, '');
  r.t_read = median(r.t_read);
  r.t_find = median(r.t_find);
  result[name] = r;
  times.push([name, r.t_find, r.t_read]);
  await page.close();
}
const version = browser.version();
await browser.close();
await server.close();
writeFileSync(out, JSON.stringify(result));

console.log('page                      zhupi findArticle   Readability parse   ratio');
for (const [name, f, r] of times) {
  console.log(`${name.padEnd(24)} ${f.toFixed(2).padStart(12)} ms ${r.toFixed(2).padStart(15)} ms ${(f / r).toFixed(3).padStart(9)}`);
}
const ratios = times.map(([, f, r]) => f / r);
console.log(
  `median over ${times.length} pages: zhupi ${median(times.map((t) => t[1])).toFixed(2)} ms, ` +
    `Readability ${median(times.map((t) => t[2])).toFixed(2)} ms, ratio ${median(ratios).toFixed(3)} ` +
    `(median of ${RUNS} runs per page, Chromium ${version})`,
);
