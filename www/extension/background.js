// The extension's service worker: the toolbar button (and its keyboard command, which
// Chrome routes to the same action) injects content.js into the tab, which annotates
// or clears; the badge shows the count or "!" for an error. It also keeps the
// automatic sites registered as content scripts, for the origins the user granted.

import { readSettings } from './settings.js';

const AUTO_SCRIPT = 'zhupi-auto';

chrome.action.onClicked.addListener((tab) => toggle(tab.id));

/** Annotates the tab's article, or clears it if it is annotated; returns the outcome. */
async function toggle(tabId) {
  let outcome;
  try {
    const [injection] = await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    outcome = injection?.result ?? { error: 'zhupi: the page did not answer' };
  } catch (e) {
    outcome = { error: `zhupi cannot run on this page (${e.message})` };
  }
  await showOutcome(tabId, outcome);
  self.zhupi.outcomes.push(outcome);
  return outcome;
}

async function showOutcome(tabId, outcome) {
  const text = outcome.error ? '!' : outcome.state === 'on' ? badgeCount(outcome.count) : outcome.state === 'none' ? '–' : '';
  await chrome.action.setBadgeBackgroundColor({ tabId, color: '#c22f1f' });
  await chrome.action.setBadgeText({ tabId, text });
  await chrome.action.setTitle({
    tabId,
    title: outcome.error || TITLES[outcome.state](outcome),
  });
}

const TITLES = {
  on: (o) => `zhupi: ${o.count} marked (again to clear)`,
  none: () => 'zhupi: no article found on this page (again to annotate the whole page)',
  off: () => 'zhupi',
};

const badgeCount = (n) => (n > 999 ? '999+' : String(n));

/** Registers content.js on the granted automatic sites (and only those). */
async function syncAutoSites() {
  const { sites } = await readSettings();
  const { origins = [] } = await chrome.permissions.getAll();
  const granted = sites.filter((s) => origins.includes(s));
  await chrome.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT] }).catch(() => {});
  if (granted.length) {
    await chrome.scripting.registerContentScripts([
      { id: AUTO_SCRIPT, matches: granted, js: ['auto.js', 'content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
}

chrome.runtime.onInstalled.addListener(syncAutoSites);
chrome.runtime.onStartup.addListener(syncAutoSites);
chrome.permissions.onAdded.addListener(syncAutoSites);
chrome.permissions.onRemoved.addListener(syncAutoSites);
chrome.storage.onChanged.addListener((changes) => {
  if (changes.settings) syncAutoSites();
});

// For tests: `self.zhupi.toggle(tabId)`, and the outcome of each press, in order.
self.zhupi = { toggle, syncAutoSites, outcomes: [] };
