// The files a site deploys: www/'s harness, embed, card, panel and stylesheet minified,
// with the built module (pkg/, and pkg-js/ where it was built).
//
//   node tools/dist.mjs www dist/web        (or: make dist)
//
// www/ stays the readable source that the demo serves; what a news site puts on its
// server or CDN is dist/web/, which loads the same way (embed.js finds everything
// relative to its own URL). Minifying the hand-written files saves about 3 KB of the
// default download. The embed is bundled (esbuild) with what it imports, the harness,
// the card, the module's glue and its snippets, into one file: one request instead of
// six, and 1 KB less, since names and words shared across files compress once. The
// other files stay as they are for callers who import the API (zhupi.js) and for the
// extension; the panel, fetched only when asked for, stays outside the bundle. The stylesheet is zhupi's own and simple (no strings, no escapes),
// so dropping comments and the whitespace around punctuation is enough.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { minify } from 'terser';

const [from, to] = process.argv.slice(2);
const SCRIPTS = ['zhupi.js', 'card.js', 'panel.js'];
const BUNDLED = 'embed.js';
const STYLESHEETS = ['zhupi.css'];
const BUILT = ['pkg', 'pkg-js'];

/** Comments and the whitespace CSS does not need (around braces, colons, semicolons,
 *  commas, and runs of it elsewhere); rgba() colours as #rrggbbaa (every browser with
 *  ::highlight() reads it). */
export function minifyCss(css) {
  const hex = (n) => Math.round(n).toString(16).padStart(2, '0');
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\s*\)/g, (_, r, g, b, a) => `#${hex(r)}${hex(g)}${hex(b)}${hex(a * 255)}`)
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([^:]):\s+/g, '$1:')
    .replace(/;}/g, '}')
    .trim();
}

rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const name of SCRIPTS) {
  const source = readFileSync(join(from, name), 'utf8');
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  writeFileSync(join(to, name), code);
}
{
  const bundle = await build({
    entryPoints: [join(from, BUNDLED)],
    bundle: true,
    format: 'esm',
    write: false,
    external: ['./panel.js'],
    logLevel: 'warning',
  });
  // Three passes of terser's compressor (measured: 60 bytes less than one; more, none),
  // and function expressions that use no `this` written as arrows (49 bytes; nothing
  // here constructs with a function expression or reads its prototype). The harness
  // already needs ES2021 (`??=`), so ES2020 output asks nothing more of a browser.
  const { code } = await minify(bundle.outputFiles[0].text, {
    module: true,
    ecma: 2020,
    compress: { passes: 3, unsafe_arrows: true },
    mangle: true,
  });
  writeFileSync(join(to, BUNDLED), code);
}
for (const name of STYLESHEETS) {
  writeFileSync(join(to, name), minifyCss(readFileSync(join(from, name), 'utf8')));
}
for (const dir of BUILT) {
  if (existsSync(join(from, dir))) {
    cpSync(join(from, dir), join(to, dir), { recursive: true, filter: (f) => !f.endsWith('.d.ts') });
  }
}
console.log(`${to}: ${BUNDLED} bundled; ${[...SCRIPTS, ...STYLESHEETS].join(', ')} minified; ${BUILT.join(', ')} copied`);
