// Gives the module's imports from its glue short names, in the .wasm and in the glue.
//
//   node tools/short-imports.mjs www/pkg/zhupi_bg.wasm www/pkg/zhupi.js
//
// wasm-bindgen names each import after the JS function it calls plus a 16-digit hash
// (`__wbg_appendChild_7465eba84213c75f`); the hashes cannot be compressed and appear
// twice, in the module's import section and as keys of the glue's import object
// (1.5 KB of the gzipped download). Each import from the glue's own module is renamed
// to a short name (`a`, `b`, … `ba` …) in the import section, and the same name replaces
// the long one, as a whole word, in the glue. Exports keep their names. The rename is
// checked: every long name must be found in the glue, and none may remain.
// The snippets' module names (`./snippets/zhupi-<hash>/src/dom/page.js`) become the
// short names the build moved them to (`./page.js`, beside the glue), which the glue
// was already given (see the Makefile's build).

import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
const GLUE_MODULE = './zhupi_bg.js';
const SNIPPET = /^\.\/snippets\/[^/]+\/src\/dom\//;

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

const name = (s) => {
  const bytes = Buffer.from(s, 'utf8');
  return [...u32(bytes.length), ...bytes];
};

// The length in bytes of an import description starting at `at`.
function descLength(bytes, at) {
  const kind = bytes[at];
  let p = at + 1;
  const skipLimits = () => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
  };
  if (kind === 0) [, p] = readU32(bytes, p); // function: type index
  else if (kind === 1) { p++; skipLimits(); } // table: reftype, limits
  else if (kind === 2) skipLimits(); // memory
  else if (kind === 3) p += 2; // global: valtype, mutability
  else if (kind === 4) { p++; [, p] = readU32(bytes, p); } // tag
  else throw new Error(`unknown import kind ${kind}`);
  return p - at;
}

const shortName = (k) => {
  let s = '';
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
};

const out = [wasm.subarray(0, 8)];
const renamed = new Map();
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = readU32(wasm, at + 1);
  const end = body + size;
  if (id !== 2) {
    out.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  let [count, p] = readU32(wasm, body);
  const entries = [...u32(count)];
  for (let i = 0; i < count; i++) {
    let length;
    [length, p] = readU32(wasm, p);
    const module = wasm.subarray(p, p + length).toString('utf8').replace(SNIPPET, './');
    p += length;
    [length, p] = readU32(wasm, p);
    let field = wasm.subarray(p, p + length).toString('utf8');
    p += length;
    const descEnd = p + descLength(wasm, p);
    if (module === GLUE_MODULE) {
      if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
      field = renamed.get(field);
    }
    entries.push(...name(module), ...name(field), ...wasm.subarray(p, descEnd));
    p = descEnd;
  }
  out.push(Buffer.from([2, ...u32(entries.length), ...entries]));
  at = end;
}

for (const [long, short] of renamed) {
  const word = new RegExp(`\\b${long}\\b`, 'g');
  const uses = glue.match(word)?.length ?? 0;
  if (uses !== 1) throw new Error(`${long}: expected once in ${gluePath}, found ${uses} times`);
  glue = glue.replace(word, short);
}

// One key per snippet in the glue's import object: wasm-bindgen writes a snippet's
// key once per `extern` block that imports from it, the same module each time.
const seen = new Set();
glue = glue.replace(/,("\.\/[\w-]+\.js"):\w+/g, (entry, key) => (seen.has(key) ? '' : (seen.add(key), entry)));

writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(gluePath, glue);
console.log(`${renamed.size} imports renamed`);
