// The hover card on the demo page: pointing at a figure shows its value as a reader
// reads it, beside the text and not over it, inside the viewport; Escape closes it.
// Also in wrap mode, and in English when the page asks for it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, watchedPage, settled } from './harness.mjs';

const env = useBrowserAndServer();

/** Scrolls the first highlighted range whose text is `text` into view; its rect. */
function rectOf(page, text) {
  return page.evaluate((wanted) => {
    for (const kind of ['figure', 'initiative', 'document']) {
      const h = CSS.highlights.get(`zhupi-${kind}`);
      for (const r of h ? [...h] : []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() === wanted) {
          r.startContainer.parentElement.scrollIntoView({ block: 'center' });
          const { left, top, right, bottom } = live.getBoundingClientRect();
          return { left, top, right, bottom };
        }
      }
    }
    for (const m of document.querySelectorAll('mark.zhupi')) {
      if (m.textContent === wanted) {
        m.scrollIntoView({ block: 'center' });
        const { left, top, right, bottom } = m.getBoundingClientRect();
        return { left, top, right, bottom };
      }
    }
    return null;
  }, text);
}

function cardState(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-zhupi-ui=card]');
    const card = host && host.shadowRoot.querySelector('.card');
    if (!card || card.hidden) return null;
    const { left, top, right, bottom } = card.getBoundingClientRect();
    return {
      text: [...card.children].map((c) => c.textContent),
      rect: { left, top, right, bottom },
      viewport: { width: innerWidth, height: innerHeight },
      role: card.getAttribute('role'),
    };
  });
}

async function hover(page, text) {
  // The demo opens the panel; a reader closes it to point at the text beneath.
  await page.evaluate(() => window.zhupi.current.panel?.close());
  const r = await rectOf(page, text);
  assert.ok(r, `no highlight for ${text}`);
  await page.mouse.move((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-zhupi-ui=card]');
    const card = host && host.shadowRoot.querySelector('.card');
    return card && !card.hidden;
  });
  return { target: r, card: await cardState(page) };
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('pointing at a figure shows its value beside the text, and Escape closes it', async () => {
  const { page, log } = await watchedPage(env.browser, { viewport: { width: 1000, height: 700 } });
  await page.goto(env.server.url);
  await settled(page);
  const { target, card } = await hover(page, '3.47万人');
  assert.deepEqual(card.text, ['数字 · 数量', '3.47万人', '34,700 人']);
  assert.equal(card.role, 'tooltip');
  assert.ok(!overlap(card.rect, target), 'the card does not cover the text');
  assert.ok(card.rect.left >= 0 && card.rect.top >= 0, 'inside the viewport');
  assert.ok(card.rect.right <= card.viewport.width && card.rect.bottom <= card.viewport.height);
  await page.keyboard.press('Escape');
  assert.equal(await cardState(page), null);
  const initiative = await hover(page, '“头雁”工程');
  assert.equal(initiative.card.text[2], '本文提及 3 次');
  assert.deepEqual(log.uncaught, []);
  await page.close();
});

test('cards work in wrap mode and speak English when asked', async () => {
  const { page } = await watchedPage(env.browser, { viewport: { width: 1000, height: 700 } });
  await page.goto(env.server.url);
  await settled(page);
  await page.evaluate(async () => {
    window.zhupi.current.clear();
    window.zhupi.current = await window.zhupi.annotate(document.querySelector('article'), { mode: 'wrap', lang: 'en' });
  });
  const { card } = await hover(page, '5万多人次');
  assert.deepEqual(card.text, ['figure · count', '5万多人次', 'more than 50,000 人次']);
  await page.close();
});

test('the card closes when the pointer moves off and when its text scrolls away', async () => {
  const { page } = await watchedPage(env.browser, { viewport: { width: 1000, height: 700 } });
  await page.goto(env.server.url);
  await settled(page);
  await hover(page, '3.47万人');
  await page.mouse.move(5, 690); // the page margin, no text
  await page.waitForFunction(() => document.querySelector('[data-zhupi-ui=card]').shadowRoot.querySelector('.card').hidden);
  await hover(page, '3.47万人');
  await page.mouse.wheel(0, 2000);
  await page.waitForFunction(() => document.querySelector('[data-zhupi-ui=card]').shadowRoot.querySelector('.card').hidden);
  await page.close();
});
