// The one-tag embed on saved real news pages (../shared/pages/): their own scripts are
// stripped and every request off this machine is blocked; the embed annotates the
// article without errors, the page's text does not change, and clear() leaves no
// highlight. Also deployed (the minified dist/web/) on another origin, and on a page
// whose CSP refuses WebAssembly.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { launch, startServer, watchedPage, settled, highlightedTexts, shared, repo } from './harness.mjs';

const pages = readdirSync(`${shared}pages`).filter((f) => f.endsWith('.html'));

let browser;
let server;
let cdn;

before(async () => {
  browser = await launch();
  server = await startServer();
  // A second origin, as a CDN would be, serving what a site deploys (make dist) with
  // the CORS headers CDNs send.
  cdn = await startServer({ root: `${repo}dist/web`, headers: () => ({ 'access-control-allow-origin': '*' }) });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cdn?.close();
});

/** The saved page without its scripts, with the embed (from `base`) at the end. */
function withEmbed(file, base, attrs = '') {
  const html = readFileSync(`${shared}pages/${file}`, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const tag =
    `<script>window.__before = document.body.innerText;</script>` +
    `<script type="module" src="${base}embed.js" ${attrs}></script>`;
  return html.includes('</body>') ? html.replace(/<\/body>/i, `${tag}</body>`) : html + tag;
}

async function openPage(file, { base = server.url, attrs = '', context = browser } = {}) {
  const { page, log } = await watchedPage(context);
  const origins = [server.url, cdn.url];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${server.url}pages/${file}`) {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: withEmbed(file, base, attrs) });
    }
    return origins.some((o) => url.startsWith(o)) ? route.continue() : route.abort();
  });
  await page.goto(`${server.url}pages/${file}`);
  await settled(page);
  return { page, log };
}

for (const file of pages) {
  for (const mode of ['highlight', 'wrap']) {
    test(`embed on ${file} (${mode})`, async () => {
      const { page, log } = await openPage(file, { attrs: mode === 'wrap' ? 'data-mode="wrap"' : '' });
      const state = await page.evaluate(() => ({
        error: window.__zhupiError || null,
        counts: window.zhupi.current && window.zhupi.current.counts,
        same: document.body.innerText === window.__before,
      }));
      assert.equal(state.error, null);
      assert.ok(state.counts.figure + state.counts.initiative + state.counts.document > 0, JSON.stringify(state.counts));
      assert.ok(state.same, 'document.body.innerText is unchanged');
      assert.deepEqual(log.uncaught, []);
      assert.deepEqual(log.warnings.filter((w) => w.startsWith('zhupi')), []);
      await page.evaluate(() => window.zhupi.current.clear());
      const shown = await highlightedTexts(page);
      assert.deepEqual(shown, { figure: [], initiative: [], document: [] });
      const after = await page.evaluate(() => ({
        marks: document.querySelectorAll('mark.zhupi').length,
        same: document.body.innerText === window.__before,
      }));
      assert.deepEqual(after, { marks: 0, same: true });
      await page.close();
    });
  }
}

test('the deployed embed finds its module and stylesheet from another origin', async () => {
  // Both origins are on this machine, which Chromium's Local Network Access rules
  // guard; a CDN on the internet needs no such permission.
  const context = await browser.newContext({ permissions: ['local-network-access'] });
  const { page, log } = await openPage(pages[0], { base: cdn.url, context });
  const state = await page.evaluate(() => ({
    error: window.__zhupiError || null,
    sheets: document.adoptedStyleSheets.length,
    total: Object.values(window.zhupi.current.counts).reduce((a, b) => a + b, 0),
  }));
  assert.equal(state.error, null);
  assert.ok(state.total > 0);
  assert.equal(state.sheets, 1);
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test('a page whose CSP refuses WebAssembly, deployed without pkg-js/, gets a clear message and is left untouched', async () => {
  const csp = await startServer({ headers: () => ({ 'content-security-policy': "script-src 'self' 'unsafe-inline'" }) });
  try {
    const { page, log } = await watchedPage(browser);
    await page.route('**/*', (route) =>
      route.request().url().startsWith(csp.url) && !route.request().url().includes('/pkg-js/')
        ? route.continue()
        : route.abort(),
    );
    await page.goto(`${csp.url}index.html`);
    await settled(page);
    const state = await page.evaluate(() => ({
      errors: window.__zhupiErrors,
      highlights: [...CSS.highlights.keys()].length,
      marks: document.querySelectorAll('mark').length,
    }));
    assert.equal(state.errors.length, 1);
    assert.match(state.errors[0], /Content-Security-Policy does not allow WebAssembly/);
    assert.deepEqual([state.highlights, state.marks], [0, 0]);
    assert.deepEqual(log.uncaught, []);
    await page.close();
  } finally {
    await csp.close();
  }
});

test('a page whose CSP refuses WebAssembly is annotated by the plain-JS build in pkg-js/', async () => {
  const csp = await startServer({ headers: () => ({ 'content-security-policy': "script-src 'self' 'unsafe-inline'" }) });
  try {
    const { page, log } = await watchedPage(browser);
    await page.route('**/*', (route) =>
      route.request().url().startsWith(csp.url) ? route.continue() : route.abort(),
    );
    await page.goto(`${csp.url}index.html`);
    await settled(page);
    const refused = await page.evaluate(() =>
      WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => false, () => true),
    );
    assert.ok(refused, 'the page refuses WebAssembly');
    const state = await page.evaluate(() => ({
      errors: window.__zhupiErrors,
      entities: window.zhupi.current.entities.length,
    }));
    assert.deepEqual(state.errors, []);
    assert.ok(state.entities > 10, `${state.entities} entities`);
    // The same entities as the WebAssembly build finds on the same page.
    const viaJs = await page.evaluate(() => JSON.stringify(window.zhupi.current.entities));
    const { page: plain } = await watchedPage(browser);
    await plain.route('**/*', (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
    );
    await plain.goto(`${server.url}index.html`);
    await settled(plain);
    assert.equal(await plain.evaluate(() => JSON.stringify(window.zhupi.current.entities)), viaJs);
    await plain.close();
    const marked = await highlightedTexts(page);
    assert.ok(marked.figure.length > 0 && marked.document.length > 0, JSON.stringify(marked));
    assert.deepEqual(log.uncaught, []);
    await page.close();
  } finally {
    await csp.close();
  }
});

test('with data-observe the embed follows paragraphs added after load', async () => {
  const { page, log } = await watchedPage(browser);
  await page.route(`${server.url}dynamic.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
        <article><p>原有48个镇街党校。</p></article>
        <script type="module" src="${server.url}embed.js" data-observe></script>`,
    }),
  );
  await page.goto(`${server.url}dynamic.html`);
  await settled(page);
  assert.equal(await page.evaluate(() => window.zhupi.current.counts.figure), 1);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = '新增19名党员，实施“头雁”工程。';
    document.querySelector('article').append(p);
  });
  await page.waitForFunction(() => window.zhupi.current.counts.figure === 2, null, { timeout: 5000 });
  const shown = await highlightedTexts(page);
  assert.deepEqual([...shown.figure].sort(), ['19名', '48个']);
  assert.deepEqual(shown.initiative, ['“头雁”工程']);
  assert.deepEqual(log.uncaught, []);
  await page.close();
});
