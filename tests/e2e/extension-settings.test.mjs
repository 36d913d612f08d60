// The extension's settings module, where it needs no browser: turning the sites a user
// types into the match patterns their permissions are asked for.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sitePattern, annotateOptions, DEFAULTS } from '../../www/extension/settings.js';

test('a site as typed becomes the match pattern asked for', () => {
  const cases = [
    ['www.gov.cn', '*://www.gov.cn/*'],
    ['WWW.Gov.CN', '*://www.gov.cn/*'],
    ['https://www.news.cn/politics/2025-01/01/c_1.htm', 'https://www.news.cn/*'],
    ['http://127.0.0.1:8000/index.html', 'http://127.0.0.1/*'],
    ['*.people.com.cn', '*://*.people.com.cn/*'],
    ['*://paper.people.com.cn', '*://paper.people.com.cn/*'],
    ['  xinhuanet.com  ', '*://xinhuanet.com/*'],
  ];
  for (const [typed, pattern] of cases) assert.equal(sitePattern(typed), pattern, typed);
});

test('what is not a site is refused', () => {
  for (const typed of ['', '   ', 'ftp://example.com', 'not a site', 'javascript:alert(1)', 'a..b', '人民网']) {
    assert.equal(sitePattern(typed), null, typed);
  }
});

test('the default settings annotate everything, with the panel, following the page', () => {
  assert.deepEqual(annotateOptions(DEFAULTS), {
    kinds: ['figure', 'initiative', 'document'],
    mode: 'highlight',
    panel: true,
    terms: [],
    observe: true,
  });
});
