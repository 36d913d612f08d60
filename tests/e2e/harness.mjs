// Shared set-up of the end-to-end tests: Debian's Chromium through playwright-core,
// and the static server on 127.0.0.1 serving www/ (and the saved pages under /pages/).

import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export function startServer(options = {}) {
  return serve({ root: `${repo}www`, mounts: { '/pages/': `${shared}pages` }, ...options });
}

/** Starts Chromium and the server before the file's tests and stops them after;
 *  `env.browser` and `env.server` are set once the tests run. */
export function useBrowserAndServer() {
  const env = { browser: null, server: null };
  before(async () => {
    env.browser = await launch();
    env.server = await startServer();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A page that collects console messages, uncaught errors and zhupi's error events
 *  (recorded from the first moment, in `window.__zhupiErrors`). */
export async function watchedPage(browser, options) {
  const page = await browser.newPage(options);
  await page.addInitScript(() => {
    window.__zhupiErrors = [];
    document.addEventListener('zhupi:error', (e) => {
      window.__zhupiErrors.push(e.detail.message);
      window.__zhupiError = e.detail.message;
    });
  });
  const log = { errors: [], warnings: [], uncaught: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.uncaught.push(e.message));
  return { page, log };
}

/** Waits for the embed's `zhupi:ready` (or `zhupi:error`), whichever comes first. */
export function settled(page) {
  return page.waitForFunction(
    () => (window.zhupi && window.zhupi.current) || window.__zhupiError,
    null,
    { timeout: 20000 },
  );
}

/** The text of each range of zhupi's highlights in the page, by kind. */
export function highlightedTexts(page) {
  return page.evaluate(() => {
    const out = {};
    for (const kind of ['figure', 'initiative', 'document']) {
      const h = CSS.highlights.get(`zhupi-${kind}`);
      out[kind] = h
        ? [...h].map((r) => {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            return live.toString();
          })
        : [];
    }
    return out;
  });
}
