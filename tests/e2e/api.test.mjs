// The JS API's own work, in www/zhupi.js: checking the options object (a clear error
// naming the wrong field, the page left untouched, checkOptions() saying the same), and
// `observe` (a MutationObserver that redoes only the blocks that changed, in both
// modes, with no feedback loop from zhupi's own marks).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, watchedPage } from './harness.mjs';

/** A blank page that loads the API as `window.api`. */
const API_PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
  <article><p>原有48个</p><p>原有19名</p></article>
  <script type="module">
    import * as api from '/zhupi.js';
    await api.load();
    window.api = api;
  </script>`;

const env = useBrowserAndServer({ pages: { '/api.html': API_PAGE } });

async function apiPage() {
  const { page, log } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}api.html`);
  await page.waitForFunction(() => window.api);
  return { page, log };
}

test('bad options are clear errors, the same from checkOptions, and touch nothing', async () => {
  const { page } = await apiPage();
  const cases = [
    [{ mode: 'paint' }, 'options.mode'],
    [{ kinds: ['figure', 'slogan'] }, "unknown kind 'slogan'"],
    [{ kinds: 3 }, 'options.kinds'],
    [{ kinds: [7] }, 'options.kinds must hold strings'],
    [{ terms: { text: 'x' } }, 'options.terms must be an array'],
    [{ terms: [{ text: 'x' }] }, 'options.terms[0].kind'],
    [{ terms: [{ kind: 'figure' }] }, 'options.terms[0].text'],
    [{ terms: [{ text: '', kind: 'figure' }] }, 'term 0 has empty text'],
    [{ terms: [{ text: '千万工程', kind: 'initiative' }, { text: '两\n行', kind: 'initiative' }] }, 'term 1 holds a line break'],
    [7, 'options must be an object'],
  ];
  const html = await page.evaluate(() => document.querySelector('article').innerHTML);
  for (const [options, says] of cases) {
    const [annotated, checked] = await page.evaluate(async (o) => {
      const message = (p) => p.then(() => null, (e) => e.message);
      return [await message(window.api.annotate(document.querySelector('article'), o)), await message(window.api.checkOptions(o))];
    }, options);
    assert.ok(annotated?.startsWith('zhupi: ') && annotated.includes(says), `${JSON.stringify(options)}: ${annotated}`);
    assert.equal(checked, annotated, JSON.stringify(options));
  }
  const fine = await page.evaluate(() =>
    Promise.all([
      window.api.checkOptions({ terms: [{ text: '千万工程', kind: 'initiative' }], kinds: 'figure, document' }),
      window.api.checkOptions(undefined),
    ]).then(() => 'ok'),
  );
  assert.equal(fine, 'ok');
  assert.equal(await page.evaluate(() => document.querySelector('article').innerHTML), html);
  assert.equal(await page.evaluate(() => window.__zhupiErrors.length), cases.length, 'each failed annotate() is reported');
  await page.close();
});

test('kinds and terms reach the module', async () => {
  const { page } = await apiPage();
  const found = await page.evaluate(async () => {
    const a = await window.api.annotate(document.querySelector('article'), {
      kinds: 'figure,initiative',
      terms: [{ text: '原有19名', kind: 'initiative' }],
    });
    const out = a.entities.map((e) => `${e.kind}:${e.text}`);
    a.clear();
    return out;
  });
  assert.deepEqual(found, ['figure:48个', 'initiative:原有19名']);
  await page.close();
});

for (const mode of ['highlight', 'wrap']) {
  test(`observe redoes only the blocks that changed (${mode})`, async () => {
    const { page, log } = await apiPage();
    await page.evaluate(async (mode) => {
      window.a = await window.api.annotate(document.querySelector('article'), { mode, observe: true });
      window.firstMark = document.querySelector('mark');
      const p = document.createElement('p');
      p.textContent = '新增3.47万人';
      document.querySelector('article').append(p);
    }, mode);
    await page.waitForFunction(() => window.a.counts.figure === 3, null, { timeout: 5000 });
    const after = await page.evaluate(() => ({
      entities: window.a.entities.map((e) => e.text),
      keptMark: document.querySelector('mark') === window.firstMark,
    }));
    assert.deepEqual(after.entities, ['48个', '19名', '3.47万人'], 'the entities list follows the page');
    if (mode === 'wrap') assert.ok(after.keptMark, 'the unchanged block kept its marks');
    // No feedback loop: while the page is still, nothing changes.
    const html = await page.evaluate(() => document.querySelector('article').innerHTML);
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => document.querySelector('article').innerHTML), html);
    // clear() stops watching: later changes are not annotated.
    await page.evaluate(() => {
      window.a.clear();
      const p = document.createElement('p');
      p.textContent = '又有5个';
      document.querySelector('article').append(p);
    });
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => document.querySelectorAll('mark').length), 0);
    assert.equal(await page.evaluate(() => CSS.highlights.get('zhupi-figure')?.size ?? 0), 0);
    assert.deepEqual(log.uncaught, []);
    assert.deepEqual(log.warnings, []);
    await page.close();
  });
}

test('annotating a root again replaces the observing annotation', async () => {
  const { page, log } = await apiPage();
  const counts = await page.evaluate(async () => {
    const first = await window.api.annotate(document.querySelector('article'), { observe: true });
    const second = await window.api.annotate(document.querySelector('article'), { kinds: ['initiative'] });
    const p = document.createElement('p');
    p.textContent = '新增3.47万人';
    document.querySelector('article').append(p);
    await new Promise((ok) => setTimeout(ok, 400));
    return [first.counts.figure, second.counts.figure, CSS.highlights.get('zhupi-figure')?.size ?? 0];
  });
  assert.deepEqual(counts, [0, 0, 0], 'the first annotation was cleared and stopped watching');
  // A call that fails on its terms leaves the annotation there as it was.
  const kept = await page.evaluate(async () => {
    const a = await window.api.annotate(document.querySelector('article'), { observe: true });
    const before = a.counts.figure;
    const failed = await window.api.annotate(document.querySelector('article'), { terms: [{ text: ' ', kind: 'figure' }] }).catch((e) => e.message);
    document.querySelector('article').lastElementChild.textContent = '又有5个，还有6名';
    await new Promise((ok) => setTimeout(ok, 400));
    return [before, failed, a.counts.figure];
  });
  assert.equal(kept[0], 3);
  assert.match(kept[1], /term 0 has empty text/);
  assert.equal(kept[2], 4, 'still annotated and still watching');
  assert.deepEqual(log.uncaught, []);
  await page.close();
});

test('clearing one of two annotations of a page leaves the other highlighted', async () => {
  const { page, log } = await apiPage();
  const sizes = await page.evaluate(async () => {
    const [first, second] = document.querySelectorAll('article p');
    const a = await window.api.annotate(first);
    const b = await window.api.annotate(second);
    const size = () => [CSS.highlights.get('zhupi-figure')?.size ?? 0, CSS.highlights.has('zhupi-figure')];
    const both = size();
    a.clear();
    const one = size();
    b.clear();
    return [both, one, size()];
  });
  assert.deepEqual(sizes, [[2, true], [1, true], [0, false]]);
  assert.deepEqual(log.uncaught, []);
  await page.close();
});
