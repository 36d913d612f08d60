// Shared set-up of the end-to-end tests, in the engine ZHUPI_ENGINE names (chromium by
// default; `make test-e2e` runs the shared tests once per engine): Debian's Chromium
// through playwright-core, or Debian's Firefox ESR (geckodriver) and WebKitGTK's
// MiniBrowser (WebKitWebDriver) through selenium-webdriver. The test bodies are the
// same for all three: they use the small part of Playwright's Page that they need,
// which `WebDriverPage` below gives over WebDriver. Also the static server on
// 127.0.0.1 serving www/ (and the saved pages under /pages/). No engine reaches past
// this machine: Chromium's requests elsewhere are aborted, and the other two are given
// a proxy that nothing answers for every host but 127.0.0.1.

import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { Capabilities, Key, WebDriver, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';
import { Origin } from 'selenium-webdriver/lib/input.js';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tools/serve.mjs';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));

export const ENGINE = process.env.ZHUPI_ENGINE || 'chromium';
if (!['chromium', 'firefox', 'webkit'].includes(ENGINE)) throw new Error(`ZHUPI_ENGINE=${ENGINE}: not an engine`);

/** Options for a test that runs in Chromium alone: `why` says what the others lack. */
export const chromiumOnly = (why) => (ENGINE === 'chromium' ? {} : { skip: `Chromium only: ${why}` });

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
export const FIREFOX = '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;
export const WEBKITDRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** The proxy the WebDriver engines send every request not for 127.0.0.1 to: a port no
 *  one listens on, so that such a request fails at once (the saved pages name their
 *  sites' images and frames). */
const NOWHERE = { proxyType: 'manual', httpProxy: '127.0.0.1:9', sslProxy: '127.0.0.1:9', noProxy: ['127.0.0.1'] };

/** The engine (ZHUPI_ENGINE's by default), with `newPage(options)` and `close()`;
 *  `extraArgs` are Chromium's. */
export function launch(extraArgs = [], engine = ENGINE) {
  if (engine === 'chromium') return launchChromium(extraArgs);
  return engine === 'firefox' ? launchFirefox() : launchWebKit();
}

async function launchChromium(extraArgs) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
  /** A Playwright context (`options` are its options) whose requests stay on this machine. */
  const newContext = async (options = {}) => {
    const context = await browser.newContext(options);
    // (A request still waiting when its page closes has nothing left to abort.)
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort().catch(() => {}));
    return context;
  };
  return {
    engine: 'chromium',
    version: browser.version(),
    newContext,
    /** A page in a context of its own, closed with the page. */
    async newPage(options = {}) {
      const context = await newContext(options);
      const page = await context.newPage();
      page.once('close', () => context.close().catch(() => {})); // (closed with the browser)
      return page;
    },
    close: () => browser.close(),
  };
}

async function launchFirefox() {
  const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless');
  options.set('proxy', NOWHERE);
  const driver = await firefox.Driver.createSession(options, new firefox.ServiceBuilder(GECKODRIVER).build());
  return new WebDriverBrowser('firefox', driver, (await driver.getCapabilities()).get('browserVersion'));
}

/** WebKitWebDriver on a free port (under Xvfb: `make test-e2e` runs it in xvfb-run),
 *  driving MiniBrowser, WebKitGTK's browser for automation. Now and then, on a loaded
 *  machine, MiniBrowser never comes up and the new session waits for ever: after 30 s
 *  the driver is stopped and started again, twice at most (as wasm-bindgen's runner
 *  restarts a driver that does not come up). */
async function launchWebKit() {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const service = spawn(WEBKITDRIVER, [`--port=${port}`], { stdio: 'ignore' });
    const stop = () => service.kill();
    process.once('exit', stop);
    const url = `http://127.0.0.1:${port}`;
    try {
      for (let k = 0; !(await fetch(`${url}/status`).then((r) => r.ok, () => false)); k++) {
        if (k > 100) throw new Error(`${WEBKITDRIVER} did not start`);
        await sleep(100);
      }
      const capabilities = new Capabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        proxy: NOWHERE,
      });
      const driver = WebDriver.createSession(new Executor(new HttpClient(url)), capabilities, stop);
      const started = await Promise.race([driver.getCapabilities(), sleep(30000).then(() => null)]);
      if (!started) throw new Error('MiniBrowser did not start within 30 s');
      return new WebDriverBrowser('webkit', driver, started.get('browserVersion'));
    } catch (e) {
      stop();
      process.off('exit', stop);
      if (attempt === 3) throw e;
      console.error(`WebKitWebDriver: ${e.message}; starting it again`);
    }
  }
}

function freePort() {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/** One WebDriver session; each page is a window of it, the first window stays blank.
 *  (Windows, not tabs: WebKitGTK's MiniBrowser never finishes a pointer action in a tab
 *  it opened for WebDriver.) */
class WebDriverBrowser {
  constructor(engine, driver, version) {
    this.engine = engine;
    this.driver = driver;
    this.version = version;
    this.home = null;
    this.current = null;
  }

  async newPage({ viewport } = {}) {
    const d = this.driver;
    this.home ??= await d.getWindowHandle();
    await d.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
    await d.switchTo().newWindow('window');
    const page = new WebDriverPage(this, await d.getWindowHandle());
    this.current = page.handle;
    if (viewport) await page.setViewportSize(viewport);
    return page;
  }

  /** Playwright's contexts, as far as the tests need them: pages that close together.
   *  (Their options are Chromium's permissions, which the other two do not ask for.) */
  async newContext() {
    const pages = [];
    return {
      newPage: async (options) => pages[pages.push(await this.newPage(options)) - 1],
      close: async () => {
        for (const page of pages) if (!page.closed) await page.close();
      },
    };
  }

  async use(handle) {
    if (this.current !== handle) await this.driver.switchTo().window(handle);
    this.current = handle;
  }

  close() {
    return this.driver.quit();
  }
}

const KEYS = { Escape: Key.ESCAPE, Enter: Key.ENTER, Tab: Key.TAB, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP };

/** The part of Playwright's Page the tests use, over WebDriver. `log` (what watchedPage
 *  returns) is brought up to date at the end of every command. */
export class WebDriverPage {
  constructor(browser, handle) {
    this.browser = browser;
    this.driver = browser.driver;
    this.handle = handle;
    this.log = { errors: [], warnings: [], uncaught: [] };
    this.keyboard = {
      press: (key) => this.act((a) => a.sendKeys(KEYS[key] ?? key)),
      type: (text) => this.act((a) => a.sendKeys(text)),
    };
    this.mouse = {
      move: (x, y) => this.act((a) => a.move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT })),
      wheel: (dx, dy) => this.act((a) => a.scroll(0, 0, Math.round(dx), Math.round(dy), Origin.VIEWPORT)),
    };
  }

  async command(run) {
    await this.browser.use(this.handle);
    const value = await run(this.driver);
    await this.drainLog();
    return value;
  }

  async drainLog() {
    const got = await this.driver.executeScript(`const w = window.__zhupiWatch; if (!w) return null;
      const out = { errors: w.errors.splice(0), warnings: w.warnings.splice(0), uncaught: w.uncaught.splice(0) };
      return out;`);
    for (const key of Object.keys(this.log)) this.log[key].push(...(got?.[key] ?? []));
  }

  act(build) {
    return this.command((d) => build(d.actions({ async: true })).perform());
  }

  goto(url) {
    return this.command((d) => d.get(url));
  }

  url() {
    return this.command((d) => d.getCurrentUrl());
  }

  /** Runs `fn` (a function, or an expression's source) in the page with `arg`, as
   *  Playwright does: a promise is awaited, and a throw rejects with its message. */
  evaluate(fn, arg, { truthiness = false } = {}) {
    let body = typeof fn === 'function' ? `(${fn})(arguments[0])` : `(${fn})`;
    // (A value WebDriver cannot copy out, a module's namespace say, is still truthy.)
    if (truthiness) body = `Promise.resolve(${body}).then(Boolean)`;
    return this.command(async (d) => {
      const [ok, value] = await d.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => ${body})
           .then((v) => done([true, v === undefined ? null : v]), (e) => done([false, String((e && e.stack) || e)]));`,
        arg === undefined ? null : arg,
      );
      if (!ok) throw new Error(`in the page: ${value}`);
      return value;
    });
  }

  async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      if (await this.evaluate(fn, arg, { truthiness: true })) return true;
      if (Date.now() > end) throw new Error(`waitForFunction: timed out after ${timeout} ms: ${fn}`);
      await sleep(50);
    }
  }

  waitForTimeout(ms) {
    return sleep(ms);
  }

  textContent(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  fill(selector, text) {
    return this.command(async (d) => {
      const el = await d.wait(until.elementLocated({ css: selector }), 5000);
      await el.clear();
      await el.sendKeys(text);
    });
  }

  click(selector) {
    return this.command(async (d) => (await d.wait(until.elementLocated({ css: selector }), 5000)).click());
  }

  addStyleTag({ content }) {
    return this.evaluate((css) => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    }, content);
  }

  /** The viewport (not the window) made `width` × `height`, as Playwright's option is. */
  async setViewportSize({ width, height }) {
    await this.command((d) => d.manage().window().setRect({ width, height }));
    const inner = await this.evaluate(() => [innerWidth, innerHeight]);
    await this.command((d) => d.manage().window().setRect({ width: 2 * width - inner[0], height: 2 * height - inner[1] }));
  }

  async close() {
    this.closed = true;
    await this.browser.use(this.handle);
    await this.driver.close();
    await this.browser.use(this.browser.home);
  }
}

/** The server's options for the engine: WebDriver's engines get the watcher first in
 *  every page (it is served at /__e2e/watch.js by each server). */
function forEngine(options) {
  if (ENGINE === 'chromium') return options;
  return {
    ...options,
    mounts: { ...options.mounts, '/__e2e/': `${repo}tests/e2e/in-page` },
    inject: '<script src="/__e2e/watch.js"></script>',
  };
}

/** www/ (and the saved pages under /pages/), or what `options` say (serve.mjs). */
export function startServer(options = {}) {
  return serve(forEngine({ root: `${repo}www`, mounts: { '/pages/': `${shared}pages` }, ...options }));
}

/** Starts the engine and the server before the file's tests and stops them after;
 *  `env.browser` and `env.server` are set once the tests run. `serverOptions` go to
 *  startServer (pages made by the test, say). */
export function useBrowserAndServer(serverOptions = {}) {
  const env = { browser: null, server: null };
  before(async () => {
    env.browser = await launch();
    env.server = await startServer(serverOptions);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A page that collects console messages, uncaught errors and zhupi's error events
 *  (recorded from the first moment, in `window.__zhupiErrors`). In Chromium,
 *  Playwright's init script and events; elsewhere, in-page/watch.js. */
export async function watchedPage(browser, options) {
  const page = await browser.newPage(options);
  if (page instanceof WebDriverPage) return { page, log: page.log };
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
