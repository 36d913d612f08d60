// The browser extension's Firefox package (dist/zhupi-extension-firefox.zip, built by
// `make extension`) in Debian's Firefox ESR, installed as a temporary add-on through
// geckodriver, as a developer loads it from about:debugging. The toolbar button is
// pressed from Firefox's own chrome (Marionette's chrome context): the button is put
// on the toolbar and clicked, so that Firefox runs the action as for a reader's click,
// granting activeTab, and the extension's background script injects content.js.
// The test reads the outcome in the page (its highlights, its text) and on the button
// (its badge). Runs with ZHUPI_ENGINE=firefox (`make test-e2e`); skipped otherwise.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import firefox from 'selenium-webdriver/firefox.js';
import { serve } from '../../tools/serve.mjs';
import { ENGINE, FIREFOX, GECKODRIVER, repo, shared, highlightedTexts } from './harness.mjs';

const PACKAGE = `${repo}dist/zhupi-extension-firefox.zip`;
const ADDON_ID = 'zhupi@zhupi.invalid';
/** Firefox's id for an extension's toolbar button (ext-browserAction's makeWidgetId). */
const WIDGET = `${ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;

const skip = ENGINE !== 'firefox' && 'Firefox only (ZHUPI_ENGINE=firefox)';
let driver, server;

before(async () => {
  if (skip) return;
  assert.ok(existsSync(PACKAGE), `${PACKAGE}: run make extension`);
  server = await serve({ root: `${repo}tests/e2e/fixtures/extension`, mounts: { '/pages/': `${shared}pages` } });
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless');
  // The saved pages name their sites' images and frames: nothing leaves 127.0.0.1.
  options.set('proxy', { proxyType: 'manual', httpProxy: '127.0.0.1:9', sslProxy: '127.0.0.1:9', noProxy: ['127.0.0.1'] });
  // --allow-system-access lets Marionette run script in Firefox's chrome.
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments('--allow-system-access').build();
  driver = await firefox.Driver.createSession(options, service);
  const id = await driver.installAddon(PACKAGE, true);
  assert.equal(id, ADDON_ID);
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

/** Clicks the extension's toolbar button in the browser window, as a reader does; the
 *  button's badge once the action has run: its background script sets the badge's text,
 *  then its title, so the title's change is the end (waiting for either change raced:
 *  the text could be read new with the title still old). */
async function pressButton() {
  await driver.setContext(firefox.Context.CHROME);
  try {
    await driver.executeScript(
      'window.CustomizableUI.addWidgetToArea(arguments[0], window.CustomizableUI.AREA_NAVBAR);',
      WIDGET,
    );
    const before = await driver.executeScript(badgeScript, WIDGET);
    assert.ok(before, `no toolbar button ${WIDGET}`);
    await driver.executeScript(`${buttonScript}; button.click();`, WIDGET);
    for (let k = 0; k < 200; k++) {
      const badge = await driver.executeScript(badgeScript, WIDGET);
      if (badge.title !== before.title) return badge;
      await new Promise((r) => setTimeout(r, 50));
    }
    return driver.executeScript(badgeScript, WIDGET);
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
  }
}

/** The extension's toolbarbutton, as `button` (the widget wraps it in a toolbaritem). */
const buttonScript = `const node = document.getElementById(arguments[0]);
  const button = node && (node.querySelector('.unified-extensions-item-action-button') || node)`;
const badgeScript = `${buttonScript};
  return button ? { text: button.getAttribute('badge') || '', title: button.getAttribute('tooltiptext') || button.getAttribute('label') || '' } : null;`;

/** A Playwright-like view of the current tab, for the harness's highlightedTexts. */
const page = {
  evaluate: (fn) => driver.executeScript(`return (${fn})()`),
};

test('the Firefox add-on annotates a saved news page from its toolbar button; pressing again clears it', { skip }, async () => {
  await driver.get(`${server.url}pages/gne_zsnews_1.html`);
  const textBefore = await driver.executeScript('return document.body.textContent');
  const on = await pressButton();
  assert.match(on.text, /^[1-9][0-9]*$/, `the badge shows the count: ${JSON.stringify(on)}`);
  assert.match(on.title, /marked/, JSON.stringify(on));
  const marked = await highlightedTexts(page);
  assert.ok(marked.figure.length > 0, 'figures are highlighted');
  const panel = await driver.executeScript(
    `const host = document.querySelector('[data-zhupi-ui="panel"]'); return Boolean(host && host.getClientRects().length);`,
  );
  assert.ok(panel, 'the summary panel is open');
  const off = await pressButton();
  assert.equal(off.text, '', JSON.stringify(off));
  assert.deepEqual(await highlightedTexts(page), { figure: [], initiative: [], document: [] });
  assert.equal(await driver.executeScript('return document.body.textContent'), textBefore, 'the page text is unchanged');
});
