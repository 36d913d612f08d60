// The browser extension, loaded unpacked from dist/extension/ (built by `make extension`)
// into Debian's Chromium in the new headless mode. The toolbar button is pressed through
// the DevTools protocol (Extensions.triggerAction), which is what grants activeTab, and
// the test reads the outcome the service worker recorded. Pages are served on 127.0.0.1:
// one with `Content-Security-Policy: script-src 'self'`, one with an open shadow root,
// one that adds paragraphs after load, a list of headlines (no article), and saved news
// pages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';
import { CHROMIUM_ARGS, repo, shared, highlightedTexts } from './harness.mjs';
import { labelledArticle } from './saved-pages.mjs';

const EXTENSION = `${repo}dist/extension`;
let context, server, base, worker, extensionId, profile, cdp;

before(async () => {
  server = await serve({
    root: `${repo}tests/e2e/fixtures/extension`,
    mounts: { '/pages/': `${shared}pages` },
    headers: (path) => (path.endsWith('/csp.html') ? { 'content-security-policy': "script-src 'self'" } : {}),
  });
  base = server.url.replace(/\/$/, "");
  profile = await mkdtemp(join(tmpdir(), 'zhupi-extension-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: false, // the new headless mode is asked for below; the old one has no extensions
    args: [
      ...CHROMIUM_ARGS.map((a) => (a === '--headless' ? '--headless=new' : a)),
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  // The saved pages refer to their sites' frames and images; nothing leaves 127.0.0.1.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  cdp = await context.browser()?.newBrowserCDPSession();
});

after(async () => {
  await context?.close();
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

async function open(path) {
  const page = await context.newPage();
  const uncaught = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.goto(base + path);
  return { page, uncaught };
}

/** Presses the toolbar button on `page`'s tab; resolves to what content.js answered.
 *
 * In headless Chromium 156, `Extensions.triggerAction` now and then (about one press in
 * twenty here, always a tab's first) runs the action without granting activeTab, so
 * the injection is refused; a user's click grants it every time. Such a press is made
 * again, once; any other outcome, and a second refusal, is returned as it is. */
async function pressButton(page) {
  const outcome = await triggerAction(page);
  return /Cannot access contents of the page/.test(outcome.error ?? '') ? triggerAction(page) : outcome;
}

async function triggerAction(page) {
  const session = cdp || (await context.newCDPSession(page));
  const { targetInfos } = await session.send('Target.getTargets', { filter: [{}] });
  const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
  assert.ok(tab, `no tab target for ${page.url()}`);
  await page.bringToFront(); // activeTab goes to the window's active tab
  const before = await worker.evaluate(() => self.zhupi.outcomes.length);
  await session.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  await worker.evaluate(
    (n) => new Promise((done) => {
      const poll = () => (self.zhupi.outcomes.length > n ? done() : setTimeout(poll, 20));
      poll();
    }),
    before,
  );
  return worker.evaluate(() => self.zhupi.outcomes.at(-1));
}

const panelShown = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-zhupi-ui="panel"]');
    return Boolean(host && host.getClientRects().length);
  });

const badge = (page) =>
  worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, page.url());

test('the button annotates a saved news page with the panel open; pressing again clears it', async () => {
  const { page, uncaught } = await open('/pages/gne_zsnews_1.html');
  const textBefore = await page.evaluate(() => document.body.textContent);
  const on = await pressButton(page);
  assert.equal(on.state, 'on', JSON.stringify(on));
  assert.ok(on.count > 0);
  const marked = await highlightedTexts(page);
  assert.ok(marked.figure.length > 0, 'figures are highlighted');
  assert.ok(await panelShown(page), 'the summary panel is open');
  assert.equal(await badge(page), String(on.count));
  const off = await pressButton(page);
  assert.equal(off.state, 'off');
  const after = await highlightedTexts(page);
  assert.deepEqual(after, { figure: [], initiative: [], document: [] });
  assert.equal(await panelShown(page), false);
  assert.equal(await page.evaluate(() => document.body.textContent), textBefore, 'the page text is unchanged');
  assert.deepEqual(uncaught, []);
  await page.close();
});

test("a page whose CSP is script-src 'self' is annotated by the plain-JS build", async () => {
  const { page, uncaught } = await open('/csp.html');
  assert.notEqual(await page.title(), 'inline ran', 'the CSP is in force');
  const refused = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => false, () => true),
  );
  assert.ok(refused, 'the page refuses WebAssembly');
  const on = await pressButton(page);
  assert.equal(on.state, 'on', JSON.stringify(on));
  const marked = await highlightedTexts(page);
  assert.ok(marked.figure.includes('4.2万亿元'), JSON.stringify(marked));
  assert.ok(marked.figure.includes('5.6%'));
  assert.ok(marked.initiative.includes('河长制'));
  assert.ok(marked.document.includes('《关于全面推行河长制的意见》'));
  assert.ok(await panelShown(page));
  assert.equal((await pressButton(page)).state, 'off');
  assert.deepEqual((await highlightedTexts(page)).figure, []);
  assert.deepEqual(uncaught, []);
  await page.close();
});

test('text inside an open shadow root is annotated', async () => {
  const { page } = await open('/shadow.html');
  const on = await pressButton(page);
  assert.equal(on.state, 'on', JSON.stringify(on));
  const marked = await highlightedTexts(page);
  assert.ok(marked.figure.includes('3.5万个'), JSON.stringify(marked));
  assert.ok(marked.figure.includes('1280元'), 'the figure in the shadow root');
  assert.ok(marked.initiative.some((t) => t.includes('千万工程')), JSON.stringify(marked));
  await pressButton(page);
  await page.close();
});

test('paragraphs added to the story after the button was pressed are annotated as they arrive; the sidebar is not', async () => {
  const { page } = await open('/dynamic.html');
  const on = await pressButton(page);
  assert.equal(on.state, 'on', JSON.stringify(on));
  const first = await highlightedTexts(page);
  assert.ok(first.figure.includes('86亿元'), JSON.stringify(first));
  assert.ok(!first.figure.some((t) => t.includes('5000') || t.includes('5.3%')), 'the sidebar is not marked');
  await page.evaluate(() => {
    window.addHeadline('1小时前 新增市场主体9000户');
    window.addParagraph('二季度，新增市场主体1.2万户，增长12.5%。');
  });
  let marked = await highlightedTexts(page);
  for (let wait = 0; wait < 50 && !marked.figure.includes('12.5%'); wait++) {
    await page.waitForTimeout(100);
    marked = await highlightedTexts(page);
  }
  assert.ok(marked.figure.includes('1.2万户') && marked.figure.includes('12.5%'), JSON.stringify(marked));
  assert.ok(!marked.figure.some((t) => t.includes('9000')), 'the headline added to the sidebar is not marked');
  await pressButton(page);
  await page.close();
});

/** What the panel lists: each entry's text (without its value or count). */
const panelEntries = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-zhupi-ui="panel"]')?.shadowRoot;
    return root ? [...root.querySelectorAll('li button')].map((b) => b.firstChild.textContent) : [];
  });

test('on a saved page with no <article> the button marks the story alone and the panel lists only its entities', async () => {
  // (The 163.com pages' own scripts, which run here, blank them without their servers.)
  const name = 'gne_cmse_1';
  const article = labelledArticle(name).replace(/\s+/g, '');
  const { page, uncaught } = await open(`/pages/${name}.html`);
  const pageOwn = uncaught.length; // the page's own scripts fail without their servers
  const on = await pressButton(page);
  assert.equal(on.state, 'on', JSON.stringify(on));
  const marked = await highlightedTexts(page);
  const all = [...marked.figure, ...marked.initiative, ...marked.document];
  assert.ok(all.length > 0);
  const outside = all.filter((t) => !article.includes(t.replace(/\s+/g, '')));
  assert.deepEqual(outside, [], 'every highlight lies in the story');
  const listed = await panelEntries(page);
  assert.ok(listed.length > 0 && listed.every((t) => article.includes(t.replace(/\s+/g, ''))), JSON.stringify(listed));
  assert.equal((await pressButton(page)).state, 'off');
  assert.deepEqual(uncaught.slice(pageOwn), [], 'nothing is thrown into the page');
  await page.close();
});

test('on a list of headlines the badge and the panel say no article was found; the whole-page choice works', async () => {
  const { page, uncaught } = await open('/list.html');
  const none = await pressButton(page);
  assert.equal(none.state, 'none', JSON.stringify(none));
  assert.equal(await badge(page), '–');
  const title = await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return chrome.action.getTitle({ tabId: tab.id });
  }, page.url());
  assert.match(title, /no article found/);
  assert.deepEqual(await highlightedTexts(page), { figure: [], initiative: [], document: [] });
  assert.ok(await panelShown(page), 'the panel is open');
  const offer = await page.evaluate(() => {
    const root = document.querySelector('[data-zhupi-ui="panel"]').shadowRoot;
    return [root.querySelector('.no-article')?.textContent, Boolean(root.querySelector('button.whole-page'))];
  });
  assert.match(offer[0], /No article found|未找到文章/);
  assert.ok(offer[1], 'the panel offers the whole page');
  // The panel's button marks the whole page.
  await page.evaluate(() =>
    document.querySelector('[data-zhupi-ui="panel"]').shadowRoot.querySelector('button.whole-page').click(),
  );
  await page.waitForFunction(() => (CSS.highlights.get('zhupi-figure')?.size ?? 0) > 0, null, { timeout: 5000 });
  const marked = await highlightedTexts(page);
  assert.ok(marked.figure.includes('120亿元') && marked.figure.includes('9000户'), JSON.stringify(marked));
  assert.deepEqual(await panelEntries(page).then((l) => l.includes('120亿元')), true);
  // The next press clears it.
  assert.equal((await pressButton(page)).state, 'off');
  assert.deepEqual((await highlightedTexts(page)).figure, []);
  // And the toolbar's second press is the other way to the whole page.
  assert.equal((await pressButton(page)).state, 'none');
  const whole = await pressButton(page);
  assert.equal(whole.state, 'on', JSON.stringify(whole));
  assert.ok(whole.count > 0);
  assert.equal(await badge(page), String(whole.count));
  assert.equal((await pressButton(page)).state, 'off');
  assert.deepEqual(uncaught, []);
  await page.close();
});

async function optionsPage() {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.waitForFunction(() => document.querySelector('input[name=kinds]').form.elements.mode.value !== '');
  return page;
}

test('the options page saves its settings, shows them again, and the button uses them', async () => {
  let page = await optionsPage();
  await page.uncheck('input[value=initiative]');
  await page.check('input[value=wrap]');
  await page.uncheck('input[name=panel]');
  await page.fill('#terms', JSON.stringify([{ text: '污水管网', kind: 'initiative' }]));
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Saved.');
  await page.close();

  page = await optionsPage();
  assert.equal(await page.isChecked('input[value=figure]'), true);
  assert.equal(await page.isChecked('input[value=initiative]'), false);
  assert.equal(await page.isChecked('input[value=wrap]'), true);
  assert.equal(await page.isChecked('input[name=panel]'), false);
  assert.deepEqual(JSON.parse(await page.inputValue('#terms')), [{ text: '污水管网', kind: 'initiative' }]);
  await page.close();

  const { page: article } = await open('/csp.html');
  const on = await pressButton(article);
  assert.equal(on.state, 'on', JSON.stringify(on));
  const wrapped = await article.evaluate(() =>
    [...document.querySelectorAll('mark[data-zhupi-id]')].map((e) => [e.className.replace('zhupi zhupi-', ''), e.textContent]),
  );
  assert.ok(wrapped.some(([k, t]) => k === 'figure' && t === '4.2万亿元'), JSON.stringify(wrapped));
  assert.ok(!wrapped.some(([k]) => k === 'initiative'), 'initiatives are off');
  assert.equal(await panelShown(article), false, 'the panel is off');
  await pressButton(article);
  assert.equal(await article.evaluate(() => document.querySelectorAll('mark[data-zhupi-id]').length), 0);
  await article.close();
  await worker.evaluate(() => chrome.storage.local.clear());
});

test('"the whole page" in the options annotates a list of headlines at the first press', async () => {
  let page = await optionsPage();
  assert.equal(await page.isChecked('input[name=scope][value=article]'), true, 'the article is the default');
  await page.check('input[name=scope][value=page]');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Saved.');
  await page.close();
  page = await optionsPage();
  assert.equal(await page.isChecked('input[name=scope][value=page]'), true);
  await page.close();
  const { page: list } = await open('/list.html');
  const on = await pressButton(list);
  assert.equal(on.state, 'on', JSON.stringify(on));
  assert.ok((await highlightedTexts(list)).figure.includes('120亿元'));
  assert.equal((await pressButton(list)).state, 'off');
  await list.close();
  await worker.evaluate(() => chrome.storage.local.clear());
});

test('an invalid terms list shows its error and is not saved', async () => {
  await worker.evaluate(() => chrome.storage.local.clear());
  const page = await optionsPage();
  await page.fill('#terms', JSON.stringify([{ text: '河长制', kind: 'slogan' }]));
  await page.click('button[type=submit]');
  const error = page.locator('#terms-error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /terms\[0\]\.kind must be figure, initiative or document/);
  assert.equal(await page.getAttribute('#terms', 'aria-invalid'), 'true');
  await page.fill('#terms', '[{"text": "河长制",');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => /not valid JSON/.test(document.getElementById('terms-error').textContent));
  const stored = await worker.evaluate(() => chrome.storage.local.get('settings'));
  assert.deepEqual(stored, {}, 'nothing was saved');
  await page.close();
});
