// The extension's settings: their defaults, and reading and writing them in
// chrome.storage.local. One module, imported by the background worker, the options
// page and the content script, so that all three agree on names and defaults.

export const KINDS = ['figure', 'initiative', 'document'];

export const DEFAULTS = Object.freeze({
  kinds: KINDS,
  mode: 'highlight', // or "wrap"
  panel: true,
  scope: 'article', // or "page": the whole page instead of the article zhupi finds
  terms: [], // [{ text, kind }], as annotate() takes them
  sites: [], // origin patterns such as "https://www.gov.cn/*", annotated automatically
});

const KEY = 'settings';

export async function readSettings() {
  const stored = (await chrome.storage.local.get(KEY))[KEY] || {};
  return { ...DEFAULTS, ...stored };
}

export async function writeSettings(settings) {
  await chrome.storage.local.set({ [KEY]: settings });
}

/** The options annotate() takes, from the settings. */
export function annotateOptions(settings) {
  return {
    kinds: settings.kinds,
    mode: settings.mode,
    panel: settings.panel,
    terms: settings.terms,
    observe: true, // pages that load paragraphs later are annotated as they arrive
  };
}

/**
 * A site as the user types it ("www.gov.cn", "https://news.cn/a.html", "*.people.com.cn")
 * → the match pattern its permission is asked for ("https://www.gov.cn/*"), or null.
 */
export function sitePattern(site) {
  const text = site.trim();
  if (!text) return null;
  const m = /^(?:(https?|\*):\/\/)?(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d+)?(?:\/.*)?$/i.exec(text);
  if (!m) return null;
  const scheme = m[1] && m[1] !== '*' ? m[1].toLowerCase() : '*';
  return `${scheme}://${m[2] || ''}${m[3].toLowerCase()}/*`;
}
