// Injected into a tab by the toolbar button (and by the automatic sites, after auto.js).
// A classic script, so it loads zhupi's ES module harness with import(); the module runs
// in this extension's isolated world, beside the page's scripts but apart from them.
// The first run annotates the article zhupi finds (or the whole page, as the options
// say) with the summary panel; the next clears it. Where no article is found, nothing
// is marked, the worker's badge and the panel say so, and the next press (or the
// panel's button) annotates the whole page.
// Its value (a promise) is what chrome.scripting.executeScript returns to the worker.

(async () => {
  const ext = (globalThis.zhupiExtension ??= { annotation: null, starting: null });
  const auto = globalThis.zhupiExtensionRun === 'auto';
  delete globalThis.zhupiExtensionRun;
  try {
    // A press while the first is still loading waits for it, then clears.
    await ext.starting?.catch(() => {});
    if (ext.annotation) {
      if (auto) return outcome(ext.annotation);
      if (ext.annotation.article === null) {
        await ext.annotation.markWholePage();
        return outcome(ext.annotation);
      }
      ext.annotation.clear();
      ext.annotation = null;
      return { state: 'off' };
    }
    ext.starting = start();
    ext.annotation = await ext.starting;
    return outcome(ext.annotation);
  } catch (e) {
    return { error: String((e && e.message) || e) };
  } finally {
    ext.starting = null;
  }
})();

// What the worker shows: the count, or that no article was found.
function outcome(annotation) {
  if (annotation.article === null) return { state: 'none' };
  return { state: 'on', count: annotation.entities.length };
}

// Annotates the article zhupi finds, or the whole page where the options say so.
async function start() {
  const url = (path) => chrome.runtime.getURL(path);
  const [zhupi, settings] = await Promise.all([import(url('zhupi.js')), import(url('settings.js'))]);
  const read = await settings.readSettings();
  return zhupi.annotate(read.scope === 'page' ? document.body : 'auto', settings.annotateOptions(read));
}
