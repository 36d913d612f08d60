// The one-tag embed on saved real news pages (../shared/pages/): their own scripts are
// stripped and every request off this machine is blocked; the embed annotates the
// article without errors, the page's text does not change, and clear() leaves no
// highlight. Also deployed (the minified dist/web/) on another origin, and on a page
// whose CSP refuses WebAssembly. The pages a test makes are served by the test's server
// (`made`), so that every engine loads them the same way.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { launch, startServer, watchedPage, settled, highlightedTexts, shared, repo } from './harness.mjs';

const pages = readdirSync(`${shared}pages`).filter((f) => f.endsWith('.html'));

let browser;
let server;
let cdn;
/** Pages made by the tests, by path, served by `server`. */
const made = {};
/** The paths `cdn` was asked for, in order. */
const cdnRequests = [];

before(async () => {
  browser = await launch();
  server = await startServer({ pages: made });
  // A second origin, as a CDN would be, serving what a site deploys (make dist) with
  // the CORS headers CDNs send.
  cdn = await startServer({
    root: `${repo}dist/web`,
    headers: () => ({ 'access-control-allow-origin': '*' }),
    onRequest: (path) => cdnRequests.push(path),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cdn?.close();
});

/** The saved page without its scripts, with `tag` at the end. Also without a CSP
 *  `upgrade-insecure-requests` (gne_toutiao_3 has one): served here over http, WebKit
 *  would ask for the embed at https://127.0.0.1 (Chromium and Firefox leave a loopback
 *  address alone); on its site the page and the embed are both https. */
function savedPage(file, tag = '') {
  const html = readFileSync(`${shared}pages/${file}`, 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<meta\b[^>]*upgrade-insecure-requests[^>]*>/gi, '');
  return html.includes('</body>') ? html.replace(/<\/body>/i, `${tag}</body>`) : html + tag;
}

/** The page's document.body.innerText without the embed, once it has loaded: what the
 *  embed must leave. (Read once loaded, not as a script of the page runs: WebKit's
 *  innerText changes as the saved pages' images fail to load.) */
const textWithout = new Map();
async function textWithoutEmbed(file, context) {
  if (!textWithout.has(file)) {
    const { page } = await watchedPage(context);
    made[`/pages/${file}`] = savedPage(file);
    await page.goto(`${server.url}pages/${file}`);
    textWithout.set(file, await page.evaluate(() => document.body.innerText));
    await page.close();
  }
  return textWithout.get(file);
}

/** The saved page with the embed (from `base`), annotated and loaded. */
async function openPage(file, { base = server.url, attrs = '', context = browser } = {}) {
  const { page, log } = await watchedPage(context);
  made[`/pages/${file}`] = savedPage(file, `<script type="module" src="${base}embed.js" ${attrs}></script>`);
  await page.goto(`${server.url}pages/${file}`);
  await settled(page);
  await page.waitForFunction(() => document.readyState === 'complete');
  return { page, log };
}

for (const file of pages) {
  for (const mode of ['highlight', 'wrap']) {
    test(`embed on ${file} (${mode})`, async () => {
      const before = await textWithoutEmbed(file, browser);
      const { page, log } = await openPage(file, { attrs: mode === 'wrap' ? 'data-mode="wrap"' : '' });
      const state = await page.evaluate((before) => ({
        error: window.__zhupiError || null,
        article: window.zhupi.current && window.zhupi.current.article,
        text: window.zhupi.current && window.zhupi.current.text,
        same: document.body.innerText === before,
      }), before);
      assert.equal(state.error, null);
      // Every saved page is an article (how much of it is found: article.test.mjs).
      assert.ok(state.article && state.article.length > 0 && state.text.length > 100, 'the article is found');
      assert.ok(state.same, 'document.body.innerText is unchanged');
      assert.deepEqual(log.uncaught, []);
      assert.deepEqual(log.warnings.filter((w) => w.startsWith('zhupi')), []);
      await page.evaluate(() => window.zhupi.current.clear());
      const shown = await highlightedTexts(page);
      assert.deepEqual(shown, { figure: [], initiative: [], document: [] });
      const after = await page.evaluate((before) => ({
        marks: document.querySelectorAll('mark.zhupi').length,
        same: document.body.innerText === before,
      }), before);
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

test('a default embed downloads exactly the files make size-budget counts', async () => {
  const makefile = readFileSync(`${repo}Makefile`, 'utf8');
  const list = (name) => makefile.match(new RegExp(`^${name} := (.+)$`, 'm'))[1].trim().split(/\s+/);
  const counted = [...list('EMBED_CODE'), ...list('EMBED_TABLES')].sort();
  const context = await browser.newContext({ permissions: ['local-network-access'] });
  cdnRequests.length = 0;
  const { page } = await openPage(pages[0], { base: cdn.url, context });
  await page.evaluate(() => window.zhupi.current.cards && window.zhupi.current.cards.show(0));
  const fetched = new Set(cdnRequests.map((path) => path.slice(1)));
  assert.deepEqual([...fetched].sort(), counted);
  await context.close();
});

test('a page whose CSP refuses WebAssembly, deployed without pkg-js/, gets a clear message and is left untouched', async () => {
  const csp = await startServer({
    headers: () => ({ 'content-security-policy': "script-src 'self' 'unsafe-inline'" }),
    refuse: (path) => path.startsWith('/pkg-js/'),
  });
  try {
    const { page, log } = await watchedPage(browser);
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
    await page.goto(`${csp.url}index.html`);
    await settled(page);
    // Asked by a script of the page's own: Firefox does not hold WebDriver's scripts to
    // the page's CSP.
    const refused = await page.evaluate(
      () =>
        new Promise((done) => {
          window.__probed = done;
          const probe = document.createElement('script');
          // (instantiate, as zhupi does: WebKit lets a CSP without 'wasm-unsafe-eval'
          // compile a module, and refuses to instantiate one.)
          probe.textContent =
            'WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => __probed(false), () => __probed(true));';
          document.head.append(probe);
        }),
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

test('with data-observe the embed follows paragraphs added to the story after load, not the sidebar', async () => {
  const { page, log } = await watchedPage(browser);
  made['/dynamic.html'] = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
        <ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">党建</a></li></ul>
        <div class="main-content"><h1>全县基层党建工作会议召开</h1>
          <p>会议指出，全县现有48个镇街党校，今年以来共培训党员干部一万余人次，基层组织建设不断加强。</p>
          <p>会议要求，各级党组织要把党建工作同乡村振兴结合起来，推动各项任务落地见效。</p></div>
        <div class="side-bar"><h3>热门文章</h3><ul><li><a href="/1">全省新建5000个充电桩</a></li></ul></div>
        <script type="module" src="${server.url}embed.js" data-observe></script>`;
  await page.goto(`${server.url}dynamic.html`);
  await settled(page);
  const first = await page.evaluate(() => ({
    article: window.zhupi.current.article.map((e) => e.className),
    figures: window.zhupi.current.entities.filter((e) => e.kind === 'figure').map((e) => e.text),
  }));
  assert.deepEqual(first.article, ['main-content']);
  assert.deepEqual(first.figures, ['48个', '一万余人次']);
  await page.evaluate(() => {
    const li = document.createElement('li');
    li.innerHTML = '<a href="/2">一季度新增市场主体9000户</a>';
    document.querySelector('.side-bar ul').append(li);
    const p = document.createElement('p');
    p.textContent = '会上，新增19名党员代表作了发言，交流实施“头雁”工程的做法。';
    document.querySelector('.main-content').append(p);
  });
  await page.waitForFunction(() => window.zhupi.current.counts.figure === 3, null, { timeout: 5000 });
  const shown = await highlightedTexts(page);
  assert.deepEqual([...shown.figure].sort(), ['19名', '48个', '一万余人次'].sort());
  assert.ok(shown.initiative.includes('“头雁”工程'), JSON.stringify(shown.initiative));
  assert.deepEqual(log.uncaught, []);
  await page.close();
});

test('on a list of headlines the embed marks nothing and says so: article is null, zhupi:ready fires', async () => {
  const { page, log } = await watchedPage(browser);
  const teaser = (n) =>
    `<article class="item"><h2><a href="/${n}">全省第${n}批重点项目集中开工，总投资${n * 12}亿元</a></h2>` +
    `<p>记者从省发展改革委获悉，今年以来，全省重点项目建设进展顺利，完成投资${n * 3}亿元，带动就业${n}万人。</p></article>`;
  made['/list.html'] = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
        <script>document.addEventListener('zhupi:ready', (e) => { window.__ready = e.detail; });</script>
        <main>${[1, 2, 3, 4, 5].map(teaser).join('')}</main>
        <script type="module" src="${server.url}embed.js"></script>`;
  await page.goto(`${server.url}list.html`);
  await page.waitForFunction(() => window.__ready, null, { timeout: 20000 });
  const state = await page.evaluate(() => ({
    article: window.__ready.article,
    same: window.__ready === window.zhupi.current,
    total: window.__ready.entities.length,
  }));
  assert.deepEqual(state, { article: null, same: true, total: 0 });
  assert.deepEqual(await highlightedTexts(page), { figure: [], initiative: [], document: [] });
  assert.deepEqual(log.uncaught, []);
  await page.close();
});
