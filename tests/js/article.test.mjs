// The article finder's rules (crates/zhupi-wasm/src/dom/article.js) on small hand-made outlines, in Node:
// the outline is what page.js's walk gathers (tests/e2e/article.test.mjs runs the
// finder on real pages in Chromium).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findStory, paragraphScore, TAGS, HINT_POSITIVE, HINT_NEGATIVE } from '../../crates/zhupi-wasm/src/dom/article.js';

const POSITIVE_WORDS = ['content', 'article', 'text'];
const NEGATIVE_WORDS = ['comment', 'related', 'share', 'nav', 'footer', 'hot', 'ad'];

/** A page built element by element, as page.js outlines one. */
class Page {
  constructor() {
    this.tree = [0, 0]; // the root (body)
    this.blocks = [];
  }

  /** A block element `tag` under `parent`, with class words `cls`. */
  el(parent, tag, cls = '') {
    const words = cls.split(' ');
    const hint =
      (POSITIVE_WORDS.some((w) => words.includes(w)) ? HINT_POSITIVE : 0) |
      (NEGATIVE_WORDS.some((w) => words.includes(w)) ? HINT_NEGATIVE : 0);
    this.tree.push(parent + 1, (TAGS.indexOf(tag) + 1) | hint);
    return this.tree.length / 2 - 1;
  }

  text(owner, text, link = false) {
    this.blocks.push({ owner, text, links: link ? text.length : 0 });
  }

  p(parent, text) {
    this.text(this.el(parent, 'p'), text);
  }

  links(parent, cls, items) {
    const list = this.el(parent, 'ul', cls);
    for (const item of items) this.text(this.el(list, 'li'), item, true);
    return list;
  }

  /** The texts kept as the story, or null for no article. */
  kept() {
    const story = findStory(this.tree, this.blocks);
    return story && this.blocks.filter((_, k) => story.keep[k]).map((b) => b.text);
  }
}

const STORY = [
  '今年以来，全市共完成造林面积3.2万亩，比去年同期增长12%，超额完成了年度任务。',
  '据介绍，全市已建成乡村振兴示范村48个，带动农民增收1.19万元，惠及群众5万多人次。',
  '下一步，该市将继续推进河长制，落实各级河长责任，确保水质达标率稳定在90%以上。',
  '市林业局负责人表示，将进一步加大投入力度，力争到2025年森林覆盖率达到60%。',
];
const HEADLINES = [
  '五道口沙龙：数字经济的下一站',
  '4小时前 国务院常务会议部署稳就业',
  '多地出台措施支持民营企业发展',
  '专家解读：一季度经济数据怎么看',
  '图集：春耕时节田野忙',
];

test('a story among navigation, related and hot lists and a footer is kept alone', () => {
  const page = new Page();
  page.links(0, 'nav', ['首页', '新闻', '财经', '体育', '五道口沙龙']);
  const main = page.el(0, 'div', 'main');
  const content = page.el(main, 'div', 'article content');
  STORY.forEach((s) => page.p(content, s));
  const related = page.el(content, 'div');
  page.text(page.el(related, 'h3'), '相关阅读：');
  page.links(related, '', HEADLINES);
  page.links(0, 'hot', HEADLINES);
  page.text(page.el(0, 'footer'), 'Copyright © 2024 某某网 版权所有 京ICP备12345678号');
  assert.deepEqual(page.kept(), STORY);
});

test('a story split by an ad is read whole, without the ad', () => {
  const page = new Page();
  const body = page.el(0, 'div', 'article');
  const first = page.el(body, 'div', 'text');
  page.p(first, STORY[0]);
  page.p(first, STORY[1]);
  page.text(page.el(body, 'div', 'ad'), '广告 点击领取优惠券', true);
  const second = page.el(body, 'div', 'text');
  page.p(second, STORY[2]);
  page.p(second, STORY[3]);
  page.links(0, 'related', HEADLINES);
  assert.deepEqual(page.kept(), STORY);
});

test('a story in div#content beside a longer comment thread wins over it', () => {
  const page = new Page();
  const content = page.el(0, 'div', 'content');
  STORY.forEach((s) => page.p(content, s));
  const comments = page.el(0, 'div', 'comment');
  for (let k = 0; k < 8; k++) {
    const item = page.el(comments, 'div');
    page.text(item, '网友', true);
    page.p(item, `说得很好，希望各地都能学习这样的做法，真正把好事办实，把实事办好。（第${k}楼）`);
  }
  assert.deepEqual(page.kept(), STORY);
});

test('a list page of <article> teasers has no article', () => {
  const page = new Page();
  page.links(0, 'nav', ['首页', '新闻', '财经']);
  const list = page.el(0, 'div', 'list');
  STORY.forEach((s, k) => {
    const teaser = page.el(list, 'article');
    page.text(page.el(teaser, 'h2'), HEADLINES[k], true);
    page.p(teaser, s);
  });
  assert.equal(page.kept(), null);
});

test('a page of links alone has no article', () => {
  const page = new Page();
  page.links(0, 'nav', HEADLINES);
  page.links(0, '', HEADLINES);
  assert.equal(page.kept(), null);
});

test('a page that is all article (a bulletin) is kept whole', () => {
  const page = new Page();
  STORY.forEach((s) => page.p(0, s));
  assert.deepEqual(page.kept(), STORY);
});

test('captions and subheadings inside the story are kept', () => {
  const page = new Page();
  const content = page.el(0, 'div', 'content');
  page.p(content, STORY[0]);
  page.p(content, '图为新建成的示范村');
  page.text(page.el(content, 'h3'), '一、扎实推进');
  page.p(content, STORY[1]);
  page.p(content, STORY[2]);
  page.links(0, 'nav', HEADLINES);
  const kept = page.kept();
  assert.ok(kept.includes('图为新建成的示范村'), kept);
  assert.ok(kept.includes('一、扎实推进'), kept);
});

test('a share bar inside the story box is left out', () => {
  const page = new Page();
  const content = page.el(0, 'div', 'article');
  STORY.forEach((s) => page.p(content, s));
  page.text(page.el(content, 'div', 'share'), '分享到：微信 微博 QQ空间');
  assert.deepEqual(page.kept(), STORY);
});

test('a teaser list standing beside a long story is not taken in as a sibling', () => {
  const page = new Page();
  const column = page.el(0, 'div');
  const content = page.el(column, 'div', 'content');
  STORY.forEach((s) => page.p(content, s));
  const more = page.el(column, 'div');
  HEADLINES.forEach((h) => page.text(page.el(more, 'div'), `【深度】${h}，原因和后果是什么大参考`));
  assert.deepEqual(page.kept(), STORY);
});

test('a long list of plain-text links (addresses, names) does not outscore a short story', () => {
  const page = new Page();
  const links = page.el(0, 'div', 'submenu');
  for (let k = 0; k < 60; k++) {
    const item = page.el(links, 'div');
    page.text(item, `http://www.city${k}.gov.cn/index.html`);
    page.text(item, `第${k}市`);
  }
  const content = page.el(0, 'div', 'content');
  page.p(content, STORY[0]);
  page.p(content, STORY[1]);
  assert.deepEqual(page.kept(), STORY.slice(0, 2));
});

test('the paragraph score follows Readability with Chinese punctuation', () => {
  assert.equal(paragraphScore(10, 0, 3), 0, 'under 20 characters');
  assert.equal(paragraphScore(50, 0.6, 3), 0, 'mostly links');
  assert.equal(paragraphScore(50, 0, 3), 4.5);
  assert.equal(paragraphScore(40, 0, 0), 0, 'no punctuation: a URL, a list of names');
  assert.equal(paragraphScore(900, 0, 10), 14, 'length counts up to three');
});

test('no blocks, no article', () => {
  assert.equal(findStory([0, 0], []), null);
  assert.equal(findStory([0, 0], [{ owner: 0, text: '', links: 0 }]), null);
});
