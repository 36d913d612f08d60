// The saved news pages (../shared/pages/) read as a reader's browser reads them: each
// page without its own scripts, every request off this machine refused, zhupi's one-tag
// embed (the deployed dist/web/embed.js) with no data-root at its end, and Mozilla
// Readability's parse() on a clone of the same document. Shared by the gate test
// (article.test.mjs) and `make eval-pages` (bench/pages.mjs); what it returns is what
// ../shared/eval/article_score.py scores.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { shared } from './harness.mjs';

const require = createRequire(import.meta.url);
const READABILITY = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

export const savedPages = () => readdirSync(`${shared}pages`).filter((f) => f.endsWith('.html'));

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * Per page NAME: { readability, zhupi, zhupi_entities, article } (Readability's text;
 * the embed's annotation text, its entities as [kind, text, start, end], and the
 * elements it read as the article, as `tag#id.class`); with `runs` > 0 also t_find and
 * t_read, the medians of `runs` interleaved runs of findArticle(document) and of
 * Readability's parse() on a clone of the document (the clone timed with it: a
 * caller must make one, as Firefox's Reader View does).
 * `server` serves the deployed files (dist/web/) at its root.
 */
export async function readSavedPages(browser, server, { runs = 0 } = {}) {
  const result = {};
  for (const file of savedPages()) {
    const page = await browser.newPage();
    const html = readFileSync(`${shared}pages/${file}`, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
    const tag = `<script type="module" src="${server.url}embed.js"></script>`;
    const body = html.includes('</body>') ? html.replace(/<\/body>/i, `${tag}</body>`) : html + tag;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${server.url}page.html`) return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
      return url.startsWith(server.url) ? route.continue() : route.abort();
    });
    await page.goto(`${server.url}page.html`);
    await page.waitForFunction(() => window.zhupi && window.zhupi.current, null, { timeout: 20000 });
    const r = await page.evaluate(
      async ({ READABILITY, base, runs }) => {
        const Readability = new Function(`${READABILITY}; return Readability;`)();
        const a = window.zhupi.current;
        const name = (e) =>
          e.localName + (e.id ? `#${e.id}` : '') + (e.className ? `.${String(e.className).split(/\s+/)[0]}` : '');
        const out = {
          zhupi: a.text,
          zhupi_entities: a.entities.map((e) => [e.kind, e.text, e.start, e.end]),
          article: a.article && a.article.map(name),
        };
        a.clear();
        const parsed = new Readability(document.cloneNode(true)).parse();
        out.readability = parsed ? parsed.textContent : '';
        if (runs) {
          const { findArticle } = await import(`${base}zhupi.js`);
          out.t_read = [];
          out.t_find = [];
          for (let k = 0; k < runs; k++) {
            let t = performance.now();
            new Readability(document.cloneNode(true)).parse();
            out.t_read.push(performance.now() - t);
            t = performance.now();
            findArticle(document);
            out.t_find.push(performance.now() - t);
          }
        }
        return out;
      },
      { READABILITY, base: server.url, runs },
    );
    if (runs) {
      r.t_read = median(r.t_read);
      r.t_find = median(r.t_find);
    }
    result[file.replace(/\.html$/, '')] = r;
    await page.close();
  }
  return result;
}

/** The text of a saved page's article as its labels give it (../shared/pages/labels/:
 *  the body and the neutral head and meta lines), its blocks joined by line breaks. */
export function labelledArticle(name) {
  const blocks = JSON.parse(readFileSync(`${shared}pages/blocks/${name}.blocks.json`, 'utf8'));
  const labels = JSON.parse(readFileSync(`${shared}pages/labels/${name}.json`, 'utf8'));
  const inside = (i) => [...labels.body, ...labels.neutral].some(([a, b]) => a <= i && i <= b);
  return blocks.filter((b) => inside(b.i)).map((b) => b.text).join('\n');
}
