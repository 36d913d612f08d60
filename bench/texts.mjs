// The benchmarks' text: the development set's paragraphs (../shared/gold), repeated in
// order until they hold `size` bytes of UTF-8 (line breaks not counted). The browser
// benchmark puts each in a <p> with inline tags; bench/wasm-extract.mjs joins them with
// line breaks, as the page's text model does; so both read the same text.

import { readdirSync, readFileSync } from 'node:fs';

const shared = new URL('../../shared/', import.meta.url).pathname;

export function benchParagraphs(size) {
  const paragraphs = readdirSync(`${shared}gold`)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(`${shared}gold/${f}`, 'utf8')).text.split('\n'))
    .map((p) => p.trim())
    .filter(Boolean);
  const out = [];
  for (let bytes = 0; bytes < size; ) {
    const p = paragraphs[out.length % paragraphs.length];
    out.push(p);
    bytes += Buffer.byteLength(p);
  }
  return out;
}
