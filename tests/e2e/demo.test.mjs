// The demo, as a visitor opens it: the article annotated with no console errors, and
// exactly what the `zhupi extract` CLI finds in the same text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { useBrowserAndServer, watchedPage, settled, highlightedTexts, repo, ENGINE } from './harness.mjs';

const env = useBrowserAndServer();

function cliExtract(text) {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--', 'extract'], { cwd: repo, input: text });
  return out.toString().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

test('the demo article loads annotated, with no console errors', async () => {
  const { page, log } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await settled(page);
  const counts = await page.evaluate(() => window.zhupi.current.counts);
  assert.ok(counts.figure > 20 && counts.initiative > 20 && counts.document > 3, JSON.stringify(counts));
  assert.match(await page.textContent('#counts'), /figures/);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.uncaught, []);
  await page.close();
});

test('the page highlights what zhupi extract finds in the same text', async () => {
  const { page } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await settled(page);
  const { text, entities } = await page.evaluate(() => ({
    text: window.zhupi.current.text,
    entities: window.zhupi.current.entities,
  }));
  const cli = cliExtract(text);
  const brief = (e) => `${e.kind} ${e.start}-${e.end} ${e.text} ${JSON.stringify(e.value ?? null)}`;
  assert.deepEqual(entities.map(brief), cli.map(brief));
  const shown = await highlightedTexts(page);
  for (const kind of ['figure', 'initiative', 'document']) {
    const want = cli.filter((e) => e.kind === kind).map((e) => e.text).sort();
    assert.deepEqual([...shown[kind]].sort(), want, kind);
  }
  await page.close();
});

test('the paste page annotates what a visitor types', async () => {
  const { page, log } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}paste.html`);
  await page.fill('#text', '全市共有48个镇街党校。\n实施“头雁”工程，出台《关于加强镇级党校建设的意见》。');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.getElementById('counts').textContent.includes('1 documents'));
  assert.equal(await page.textContent('#counts'), '1 figures · 1 initiatives · 1 documents');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('each export parses, and W3C selectors re-anchor to the same text in the page', async () => {
  const { page } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await settled(page);
  const { text, entities, json, csv, w3c } = await page.evaluate(() => {
    const a = window.zhupi.current;
    return { text: a.text, entities: a.entities, json: a.export('json'), csv: a.export('csv'), w3c: a.export('w3c') };
  });
  const rows = JSON.parse(json);
  assert.equal(rows.length, entities.length);
  assert.equal(rows[0].text, entities[0].text);
  assert.ok(rows.every((r) => typeof r.prefix === 'string' && typeof r.suffix === 'string'));
  assert.ok(csv.startsWith('\uFEFFstart,end,kind,sub,text'));
  assert.equal(csv.trim().split('\r\n').length, entities.length + 1);
  const annotations = JSON.parse(w3c);
  assert.equal(annotations.length, entities.length);
  const chars = [...text];
  for (const a of annotations) {
    assert.equal(a.target.source, `${env.server.url}`);
    const [quote, position] = a.target.selector;
    const at = text.indexOf(quote.prefix + quote.exact + quote.suffix);
    assert.ok(at >= 0, quote.exact);
    const start = [...text.slice(0, at)].length + [...quote.prefix].length;
    assert.equal(position.start, start);
    assert.equal(chars.slice(position.start, position.end).join(''), quote.exact);
  }
  await page.close();
});

test('where ::highlight() draws no underline (WebKit), the stronger backgrounds apply, and only there', async () => {
  const { page } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await settled(page);
  const rule = await page.evaluate(() => {
    const r = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).find((r) => r instanceof CSSSupportsRule);
    return r && { condition: r.conditionText, applies: CSS.supports(r.conditionText), rules: r.cssRules.length };
  });
  assert.deepEqual(rule, { condition: '(hanging-punctuation: first)', applies: ENGINE === 'webkit', rules: 3 });
  await page.close();
});
