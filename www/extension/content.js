// Injected into a tab by the toolbar button (and by the automatic sites, after auto.js).
// A classic script, so it loads zhupi's ES module harness with import(); the module runs
// in this extension's isolated world, beside the page's scripts but apart from them.
// The first run annotates the article with the summary panel; the next clears it.
// Its value (a promise) is what chrome.scripting.executeScript returns to the worker.

(async () => {
  const ext = (globalThis.zhupiExtension ??= { annotation: null, starting: null });
  const auto = globalThis.zhupiExtensionRun === 'auto';
  delete globalThis.zhupiExtensionRun;
  try {
    // A press while the first is still loading waits for it, then clears.
    await ext.starting?.catch(() => {});
    if (ext.annotation) {
      if (auto) return { state: 'on', count: ext.annotation.entities.length };
      ext.annotation.clear();
      ext.annotation = null;
      return { state: 'off' };
    }
    ext.starting = start();
    ext.annotation = await ext.starting;
    return { state: 'on', count: ext.annotation.entities.length };
  } catch (e) {
    return { error: String((e && e.message) || e) };
  } finally {
    ext.starting = null;
  }
})();

async function start() {
  const url = (path) => chrome.runtime.getURL(path);
  const [zhupi, settings] = await Promise.all([import(url('zhupi.js')), import(url('settings.js'))]);
  const options = settings.annotateOptions(await settings.readSettings());
  return zhupi.annotate(zhupi.defaultRoot(), options);
}
