// The extraction alone in WebAssembly (`make bench-wasm`): one or more builds of
// bench/wasm-extract (the core built as the page's module is), each given the word
// tables as the page's harness gives them and the browser benchmark's 1 MB of
// development-set text, then timed in turn, interleaved run by run, in Node's V8.
// Best and median of the runs, per build: the best is the figure to compare, since the
// machine only ever adds time.
//
//   node bench/wasm-extract.mjs A.wasm [B.wasm …] [--runs 150] [--size 1000000]

import { readdirSync, readFileSync } from 'node:fs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 150);
const SIZE = arg('--size', 1_000_000);
const builds = process.argv.slice(2).filter((a, i, all) => a.endsWith('.wasm') && !all[i - 1]?.startsWith('--'));
if (!builds.length) throw new Error('usage: node bench/wasm-extract.mjs A.wasm [B.wasm …] [--runs N]');

const repo = new URL('..', import.meta.url).pathname;
const shared = `${repo}../shared/`;
// The development-set texts repeated to SIZE bytes, as bench/browser.mjs builds its page.
function text() {
  const paragraphs = readdirSync(`${shared}gold`)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(`${shared}gold/${f}`, 'utf8')).text.split('\n'))
    .map((p) => p.trim())
    .filter(Boolean);
  const out = [];
  let bytes = 0;
  for (let k = 0; bytes < SIZE; k++) {
    const p = paragraphs[k % paragraphs.length];
    out.push(p);
    bytes += Buffer.byteLength(p); // as the page counts: line breaks not included
  }
  return Buffer.from(out.join('\n'));
}
// The word tables as the harness hands them over: both files, one after the other.
const tables = Buffer.concat(
  ['established-names.txt', 'nonname-words.txt'].map((f) => readFileSync(`${repo}www/pkg/${f}`)).flatMap((b) => [b, Buffer.from('\n')]),
);

function give(exports, bytes) {
  const at = exports.input(bytes.length);
  new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
}

const input = text();
const modules = [];
for (const path of builds) {
  const { instance } = await WebAssembly.instantiate(readFileSync(path), {});
  const e = instance.exports;
  give(e, tables);
  e.set_word_tables();
  give(e, input);
  const chars = e.read_text();
  modules.push({ path, e, chars, times: [], found: e.extract() }); // the first run builds the tables
}
for (let r = 0; r < RUNS; r++) {
  for (const m of modules) {
    const t0 = performance.now();
    const found = m.e.extract();
    m.times.push(performance.now() - t0);
    if (found !== m.found) throw new Error(`${m.path}: ${found} entities, then ${m.found}`);
  }
}
console.log(`${(input.length / 1e6).toFixed(2)} MB of text, ${modules[0].chars} code points; ${RUNS} runs each, interleaved; Node ${process.version}`);
console.log('| build | entities | best | median |');
console.log('|---|---|---|---|');
for (const m of modules) {
  m.times.sort((a, b) => a - b);
  console.log(`| ${m.path} | ${m.found} | ${m.times[0].toFixed(2)} ms | ${m.times[m.times.length >> 1].toFixed(2)} ms |`);
}
