// The extraction alone in WebAssembly (`make bench-wasm`): one or more builds of
// bench/wasm-extract (the core built as the page's module is), each given the word
// tables as the page's harness gives them and the browser benchmark's 1 MB of
// development-set text, then timed in turn, interleaved run by run, in Node's V8.
// Best and median of the runs, per build: the best is the figure to compare, since the
// machine only ever adds time.
//
//   node bench/wasm-extract.mjs A.wasm [B.wasm …] [--runs 150] [--size 1000000]

import { readFileSync } from 'node:fs';
import { benchParagraphs } from './texts.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 150);
const SIZE = arg('--size', 1_000_000);
const builds = process.argv.slice(2).filter((a, i, all) => a.endsWith('.wasm') && !all[i - 1]?.startsWith('--'));
if (!builds.length) throw new Error('usage: node bench/wasm-extract.mjs A.wasm [B.wasm …] [--runs N]');

const repo = new URL('..', import.meta.url).pathname;
// The word tables as the harness hands them over: both files, joined by a line break.
const tables = Buffer.from(
  ['established-names.txt', 'nonname-words.txt'].map((f) => readFileSync(`${repo}www/pkg/${f}`, 'utf8')).join('\n'),
);

function give(exports, bytes) {
  const at = exports.input(bytes.length);
  new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
}

const input = Buffer.from(benchParagraphs(SIZE).join('\n'));
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
