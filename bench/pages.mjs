// The article finder on the saved news pages (../shared/pages/), beside Mozilla
// Readability, in one headless Chromium run (tests/e2e/saved-pages.mjs reads them):
//   - what each finds: zhupi's deployed embed with no data-root (its annotation's text
//     and entities) and Readability's parse(), written to OUT.json in the form
//     ../shared/eval/article_score.py scores (P/R/F1, pages at F1 ≥ 0.9, the share of
//     marked entities in the article, the article's entities still marked);
//   - what each costs on each page: findArticle(document) (the page's one read with the
//     finder's outline, and the finder) against Readability's parse() on a clone of the
//     document, the median of RUNS runs each, interleaved.
//
//   node bench/pages.mjs OUT.json [--runs 9]        (or: make eval-pages)

import { writeFileSync } from 'node:fs';
import { launch, startServer, repo } from '../tests/e2e/harness.mjs';
import { readSavedPages } from '../tests/e2e/saved-pages.mjs';

const out = process.argv[2] || 'target/pages.json';
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const browser = await launch();
const server = await startServer({ root: `${repo}dist/web` });
const result = await readSavedPages(browser, server, { runs: RUNS });
const version = browser.version; // the harness reads it at launch
await browser.close();
await server.close();
writeFileSync(out, JSON.stringify(result));

console.log('page                      zhupi findArticle   Readability parse   ratio');
const times = Object.entries(result).map(([name, r]) => [name, r.t_find, r.t_read]);
for (const [name, f, r] of times) {
  console.log(`${name.padEnd(24)} ${f.toFixed(2).padStart(12)} ms ${r.toFixed(2).padStart(15)} ms ${(f / r).toFixed(3).padStart(9)}`);
}
console.log(
  `median over ${times.length} pages: zhupi ${median(times.map((t) => t[1])).toFixed(2)} ms, ` +
    `Readability ${median(times.map((t) => t[2])).toFixed(2)} ms, ratio ${median(times.map(([, f, r]) => f / r)).toFixed(3)} ` +
    `(median of ${RUNS} runs per page, Chromium ${version})`,
);
