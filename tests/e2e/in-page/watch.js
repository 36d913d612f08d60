// Put first in every page the end-to-end tests open in an engine driven through
// WebDriver (Firefox, WebKit), where no script can be run before the page's own: it
// records what Playwright's init script and console events record in Chromium (see
// harness.mjs): zhupi's error events, console errors and warnings, and uncaught errors
// and rejections. The harness drains `window.__zhupiWatch` after each command.
(() => {
  const watch = (window.__zhupiWatch = { errors: [], warnings: [], uncaught: [] });
  window.__zhupiErrors = [];
  document.addEventListener('zhupi:error', (e) => {
    window.__zhupiErrors.push(e.detail.message);
    window.__zhupiError = e.detail.message;
  });
  for (const [level, list] of [['error', watch.errors], ['warn', watch.warnings]]) {
    const original = console[level];
    console[level] = function (...args) {
      list.push(args.map(String).join(' '));
      return original.apply(this, args);
    };
  }
  addEventListener('error', (e) => watch.uncaught.push(e.message));
  addEventListener('unhandledrejection', (e) => watch.uncaught.push(String((e.reason && e.reason.message) || e.reason)));
})();
