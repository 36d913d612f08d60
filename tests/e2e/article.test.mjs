// The article finder end to end, in Chromium: the gate on the saved news pages (the
// deployed embed with no data-root, scored by ../shared/eval/article_score.py beside
// Mozilla Readability), and the API's findArticle() and annotation.article.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch, startServer, watchedPage, repo, shared } from './harness.mjs';
import { readSavedPages } from './saved-pages.mjs';

let browser;
let deployed;
let www;

before(async () => {
  browser = await launch();
  deployed = await startServer({ root: `${repo}dist/web` });
  www = await startServer();
});

after(async () => {
  await browser?.close();
  await deployed?.close();
  await www?.close();
});

/** article_score.py's summary lines as numbers. */
function score(out) {
  const tool = (name) => {
    const m = out.match(new RegExp(`^${name}\\s+P=([\\d.]+) R=([\\d.]+) F1=([\\d.]+) pages with F1>=0.9: (\\d+)/(\\d+)`, 'm'));
    assert.ok(m, `${name} in:\n${out}`);
    return { P: +m[1], R: +m[2], F1: +m[3], pages: +m[4], of: +m[5] };
  };
  const share = out.match(/in the article: (\d+)\/(\d+)/);
  const kept = out.match(/found on the page: (\d+)\/(\d+)/);
  assert.ok(share && kept, out);
  return { zhupi: tool('zhupi'), readability: tool('readability'), share: share[1] / share[2], kept: kept[1] / kept[2] };
}

test('the gate: on the saved pages the embed finds the article (F1 ≥ 0.97) and marks little else (≥ 0.95)', async () => {
  const found = await readSavedPages(browser, deployed);
  mkdirSync(`${repo}target`, { recursive: true });
  const out = `${repo}target/pages-gate.json`;
  writeFileSync(out, JSON.stringify(found));
  const cli = `${repo}target/debug/zhupi`;
  const printed = execFileSync('python3', [`${shared}eval/article_score.py`, `${shared}pages`, out, '--zhupi-cli', cli], {
    encoding: 'utf8',
  });
  console.log(printed.trim());
  const s = score(printed);
  assert.equal(s.zhupi.of, 25);
  assert.ok(s.zhupi.F1 >= 0.97, `article F1 ${s.zhupi.F1}`);
  assert.ok(s.share >= 0.95, `share of marked entities in the article ${s.share}`);
  assert.ok(s.kept >= 0.97, `article entities still marked ${s.kept}`);
  assert.ok(s.zhupi.pages >= 23, `pages at F1 ≥ 0.9: ${s.zhupi.pages}`);
});

/** A blank page from www/ with the API loaded as `window.api` and `body` as its body. */
async function apiPage(body) {
  const { page, log } = await watchedPage(browser);
  await page.route(`${www.url}story.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">${body}
        <script type="module">import * as api from '/zhupi.js'; await api.load(); window.api = api;</script>`,
    }),
  );
  await page.goto(`${www.url}story.html`);
  await page.waitForFunction(() => window.api);
  return { page, log };
}

const STORY = `
  <div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">五道口沙龙</a></li></ul></div>
  <div class="wrap"><div class="left"><div id="content">
    <h1>全市乡村振兴工作取得新进展</h1>
    <p>今年以来，全市共完成造林面积3.2万亩，比去年同期增长12%，超额完成了年度任务。</p>
    <p>据介绍，全市已建成乡村振兴示范村48个，带动农民增收1.19万元，惠及群众5万多人次。</p>
    <div class="share"><a href="/s1">微信</a><a href="/s2">微博</a></div>
  </div></div>
  <div class="right"><h3>热点新闻</h3><ul><li><a href="/1">4小时前 全省新建5000个充电桩</a></li>
    <li><a href="/2">3小时前 一季度GDP增长5.3%</a></li></ul></div></div>
  <div class="footer">Copyright © 2024 版权所有</div>`;

test('findArticle(document) and annotate() without a root agree; a named root is used as given', async () => {
  const { page, log } = await apiPage(STORY);
  const r = await page.evaluate(async () => {
    const found = window.api.findArticle(document);
    const auto = await window.api.annotate();
    const out = {
      found: found && found.map((e) => e.id),
      article: auto.article && auto.article.map((e) => e.id),
      figures: auto.entities.filter((e) => e.kind === 'figure').map((e) => e.text),
    };
    auto.clear();
    const named = await window.api.annotate(document.querySelector('.wrap'));
    out.named = named.article.map((e) => e.className);
    out.namedFigures = named.entities.filter((e) => e.kind === 'figure').map((e) => e.text);
    named.clear();
    return out;
  });
  assert.deepEqual(r.found, ['content']);
  assert.deepEqual(r.article, ['content']);
  assert.deepEqual(r.figures, ['3.2万亩', '12%', '48个', '1.19万元', '5万多人次']);
  assert.deepEqual(r.named, ['wrap']);
  assert.ok(r.namedFigures.includes('5000个') && r.namedFigures.includes('5.3%'), JSON.stringify(r.namedFigures));
  assert.deepEqual(log.uncaught, []);
  await page.close();
});

test('markWholePage() widens an annotation without a root to the whole page', async () => {
  const { page } = await apiPage(
    `<ul>${[1, 2, 3, 4].map((n) => `<li><a href="/${n}">全省新建${n}000个充电桩</a></li>`).join('')}</ul>`,
  );
  const r = await page.evaluate(async () => {
    const a = await window.api.annotate('auto');
    const before = [a.article, a.entities.length];
    await a.markWholePage();
    const after = [a.article.map((e) => e.localName), a.entities.map((e) => e.text)];
    a.clear();
    return { before, after };
  });
  assert.deepEqual(r.before, [null, 0]);
  assert.deepEqual(r.after, [['body'], ['1000个', '2000个', '3000个', '4000个']]);
  await page.close();
});
