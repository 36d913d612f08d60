// The options page: loads the settings into the form, and on save checks the custom
// terms with zhupi's own validator (the same code annotate() runs), asks for the
// automatic sites as optional host permissions, then stores the settings.

import { checkOptions, load } from './zhupi.js';
import { DEFAULTS, KINDS, readSettings, writeSettings, sitePattern } from './settings.js';

const form = document.getElementById('options');
const status = document.getElementById('status');

function fill(settings) {
  for (const box of form.elements.kinds) box.checked = settings.kinds.includes(box.value);
  form.elements.mode.value = settings.mode;
  form.elements.scope.value = settings.scope;
  form.elements.panel.checked = settings.panel;
  form.elements.terms.value = settings.terms.length ? JSON.stringify(settings.terms, null, 1) : '';
  form.elements.sites.value = settings.sites.map((s) => s.replace(/^\*:\/\//, '').replace(/\/\*$/, '')).join('\n');
}

function showError(id, message) {
  const p = document.getElementById(id);
  p.textContent = message || '';
  p.hidden = !message;
  const field = document.getElementById(id.replace('-error', ''));
  if (message) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
}

/** The terms in the box, validated; throws an Error whose message the user can act on. */
async function readTerms() {
  const text = form.elements.terms.value.trim();
  if (!text) return [];
  let terms;
  try {
    terms = JSON.parse(text);
  } catch (e) {
    throw new Error(`The terms are not valid JSON: ${e.message}`);
  }
  await checkOptions({ terms });
  return terms;
}

function readSites() {
  const lines = form.elements.sites.value.split('\n').map((l) => l.trim()).filter(Boolean);
  const bad = lines.filter((l) => !sitePattern(l));
  if (bad.length) throw new Error(`Not a site: ${bad.join(', ')}`);
  return [...new Set(lines.map(sitePattern))];
}

async function save(event) {
  event.preventDefault();
  status.textContent = '';
  let terms, sites;
  try {
    sites = readSites();
    showError('sites-error', '');
  } catch (e) {
    showError('sites-error', e.message);
    return;
  }
  try {
    terms = await readTerms(); // quick: the module is loaded with the page
    showError('terms-error', '');
  } catch (e) {
    showError('terms-error', e.message);
    return;
  }
  // Within the click's transient activation, which permissions.request needs.
  if (sites.length && !(await chrome.permissions.request({ origins: sites }))) {
    showError('sites-error', 'The browser did not allow these sites; nothing was saved.');
    return;
  }
  const kinds = KINDS.filter((k) => [...form.elements.kinds].some((b) => b.checked && b.value === k));
  await writeSettings({
    kinds: kinds.length ? kinds : DEFAULTS.kinds,
    mode: form.elements.mode.value || DEFAULTS.mode,
    scope: form.elements.scope.value || DEFAULTS.scope,
    panel: form.elements.panel.checked,
    terms,
    sites,
  });
  status.textContent = 'Saved.';
}

document.getElementById('terms-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) form.elements.terms.value = await file.text();
});

form.addEventListener('submit', save);
readSettings().then(fill);
load().catch((e) => showError('terms-error', e.message));
