// The summary panel and keyboard navigation on the demo page: counts, click to scroll,
// exports as downloads, every highlight visited in order, keys left to the page's
// inputs, a page whose CSS sets `* { all: unset }`; and the screenshots of the demo
// with the panel open, light and dark (docs/screenshots/, linked from the README).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, watchedPage, settled, repo, chromiumOnly } from './harness.mjs';

const env = useBrowserAndServer();

async function demo(options = {}) {
  const { page, log } = await watchedPage(env.browser, { viewport: { width: 1200, height: 760 }, acceptDownloads: true, ...options });
  await page.goto(env.server.url);
  await settled(page);
  return { page, log };
}

const inPanel = (page, fn, arg) =>
  page.evaluate(
    ([body, a]) => new Function('panel', 'arg', body)(document.querySelector('[data-zhupi-ui=panel]').shadowRoot, a),
    [fn, arg],
  );

test('the panel shows the counts of the annotation', async () => {
  const { page, log } = await demo();
  const counts = await page.evaluate(() => window.zhupi.current.counts);
  const heads = await inPanel(page, `return [...panel.querySelectorAll('h3')].slice(0, 3).map((h) => h.textContent)`);
  assert.deepEqual(heads, [`数字 (${counts.figure})`, `举措 (${counts.initiative})`, `文件 (${counts.document})`]);
  const figures = await inPanel(page, `return panel.querySelectorAll('section[data-kind=figure] li').length`);
  assert.equal(figures, counts.figure);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('clicking an item scrolls its highlight into view', async () => {
  const { page } = await demo();
  const last = await inPanel(page, `const b = [...panel.querySelectorAll('section[data-kind=document] button')].pop(); b.click(); return Number(b.dataset.index)`);
  await page.waitForTimeout(100);
  const state = await page.evaluate((i) => {
    const [range] = [...CSS.highlights.get('zhupi-focus')];
    const r = document.createRange();
    r.setStart(range.startContainer, range.startOffset);
    r.setEnd(range.endContainer, range.endOffset);
    const rect = r.getBoundingClientRect();
    const focused = window.zhupi.current.panel.focused === i;
    return { focused, text: r.toString(), top: rect.top, bottom: rect.bottom, height: innerHeight };
  }, last);
  assert.ok(state.focused);
  assert.match(state.text, /^《.*》$/);
  assert.ok(state.top >= 0 && state.bottom <= state.height, JSON.stringify(state));
  await page.close();
});

test('each export downloads and parses', chromiumOnly('WebDriver cannot wait for a download'), async () => {
  const { page } = await demo();
  const total = await page.evaluate(() => Object.values(window.zhupi.current.counts).reduce((a, b) => a + b, 0));
  for (const format of ['json', 'csv', 'w3c']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      inPanel(page, `panel.querySelector('button[data-format=${format}]').click()`),
    ]);
    const path = await download.path();
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    if (format === 'csv') {
      assert.ok(text.startsWith('\uFEFFstart,end'));
      assert.equal(text.trim().split('\r\n').length, total + 1);
    } else {
      assert.equal(JSON.parse(text).length, total, format);
    }
  }
  await page.close();
});

test('keyboard navigation visits every highlight in order, and leaves inputs alone', async () => {
  const { page } = await demo();
  const total = await page.evaluate(() => window.zhupi.current.entities.length);
  const visited = [];
  for (let k = 0; k < total; k++) {
    await page.keyboard.press('.');
    visited.push(await page.evaluate(() => window.zhupi.current.panel.focused));
  }
  assert.deepEqual(visited, [...Array(total).keys()]);
  await page.keyboard.press('1'); // next figure, wrapping round
  const kind = await page.evaluate(() => window.zhupi.current.entities[window.zhupi.current.panel.focused].kind);
  assert.equal(kind, 'figure');
  // Typing in the panel's filter box moves nothing.
  const before = await page.evaluate(() => window.zhupi.current.panel.focused);
  await inPanel(page, `panel.querySelector('input[type=search]').focus()`);
  await page.keyboard.type('.,1头雁');
  assert.equal(await page.evaluate(() => window.zhupi.current.panel.focused), before);
  const shown = await inPanel(page, `return [...panel.querySelectorAll('li')].filter((li) => !li.hidden).length`);
  assert.equal(shown, 0); // nothing matches ".,1头雁"
  await page.close();
});

test('the panel is intact on a page whose CSS sets * { all: unset }', async () => {
  const { page } = await demo();
  await page.addStyleTag({ content: '* { all: unset !important; }' });
  const look = await inPanel(
    page,
    `const p = panel.querySelector('.panel'); const r = p.getBoundingClientRect();
     const s = getComputedStyle(p); const b = panel.querySelector('li button').getBoundingClientRect();
     return { width: r.width, height: r.height, position: s.position, font: s.fontSize, item: b.height > 10 }`,
  );
  assert.deepEqual(look, { width: 340, height: 736, position: 'fixed', font: '14px', item: true });
  await page.close();
});

test('screenshots of the demo with the panel open, light and dark', chromiumOnly('the README shows Chromium\'s'), async () => {
  for (const scheme of ['light', 'dark']) {
    const { page } = await demo({ colorScheme: scheme });
    await page.keyboard.press('3');
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${repo}docs/screenshots/demo-${scheme}.png` });
    await page.close();
  }
});

test('moving to an entity with the keyboard shows its card', async () => {
  const { page } = await demo();
  await page.keyboard.press('1');
  const text = await page.evaluate(() => {
    const card = document.querySelector('[data-zhupi-ui=card]').shadowRoot.querySelector('.card');
    return card.hidden ? null : [...card.children].map((c) => c.textContent);
  });
  assert.deepEqual(text, ['数字 · 日期', '2018-08-09 09:26:06', '2018-08-09 09:26']);
  await page.close();
});

test('the flash fades under normal motion; under reduced motion there is no flash, the focus stays', chromiumOnly('WebDriver cannot emulate prefers-reduced-motion'), async () => {
  for (const [reducedMotion, lasting] of [['no-preference', false], ['reduce', true]]) {
    const { page } = await demo({ reducedMotion });
    await inPanel(page, `panel.querySelector('section[data-kind=figure] button').click()`);
    await page.waitForTimeout(1200);
    assert.equal(await page.evaluate(() => CSS.highlights.has('zhupi-focus')), lasting, reducedMotion);
    await page.close();
  }
});

test('highlights print as underlines', chromiumOnly('WebDriver cannot emulate print media'), async () => {
  const { page } = await demo();
  await page.evaluate(async () => {
    window.zhupi.current.clear();
    window.zhupi.current = await window.zhupi.annotate(document.querySelector('article'), { mode: 'wrap' });
  });
  await page.emulateMedia({ media: 'print' });
  const look = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('mark.zhupi-figure'));
    return { background: s.backgroundColor, underline: s.textDecorationLine };
  });
  assert.deepEqual(look, { background: 'rgba(0, 0, 0, 0)', underline: 'underline' });
  await page.close();
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('the panel and card text pass WCAG AA contrast, light and dark', chromiumOnly('WebDriver cannot emulate prefers-color-scheme'), async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await demo({ colorScheme });
    await page.keyboard.press('2'); // an initiative: its card has a mention line
    const pairs = await page.evaluate(() => {
      const out = [];
      const panel = document.querySelector('[data-zhupi-ui=panel]').shadowRoot;
      const card = document.querySelector('[data-zhupi-ui=card]').shadowRoot;
      const bg = (el) => getComputedStyle(el).backgroundColor;
      const p = panel.querySelector('.panel');
      const c = card.querySelector('.card');
      for (const sel of ['h2', 'h3', '.counts', 'li button', '.times', 'footer']) {
        out.push([sel, getComputedStyle(panel.querySelector(sel)).color, bg(p)]);
      }
      for (const sel of ['.label', '.text', '.mentions']) out.push([`card ${sel}`, getComputedStyle(card.querySelector(sel)).color, bg(c)]);
      return out;
    });
    for (const [what, fg, bg] of pairs) {
      assert.ok(contrast(fg, bg) >= 4.5, `${colorScheme} ${what}: ${fg} on ${bg} = ${contrast(fg, bg).toFixed(2)}`);
    }
    await page.close();
  }
});

test('an export is copied to the clipboard too', chromiumOnly('WebDriver cannot grant clipboard-read'), async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 760 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url.replace(/\/$/, '') });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await settled(page);
  await Promise.all([page.waitForEvent('download'), inPanel(page, `panel.querySelector('button[data-format=json]').click()`)]);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const expected = await page.evaluate(() => window.zhupi.current.export('json'));
  assert.equal(copied, expected);
  await context.close();
});
