// A small static file server for the demo and the browser tests, with no
// dependencies: it serves a folder on 127.0.0.1 with the right MIME types
// (`.wasm` as application/wasm, so the module compiles while it downloads).
//
//   node tools/serve.mjs [--root www] [--port 8000]
//
// Tests import `serve()` and may pass `headers(path)` to add response headers (a
// Content-Security-Policy, say), `mounts` to serve other folders under a prefix,
// `pages` ({ path: html }) to serve pages made in the test, `refuse(path)` to answer 404
// where a file exists, `onRequest(path)` to see every request, and `inject`: markup put
// first in every HTML page (the end-to-end harness's error watcher, for engines driven
// through WebDriver, which has no way to run a script before the page's own).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` (and `mounts`: { '/prefix/': folder }) on 127.0.0.1:`port`. */
export function serve({ root, port = 0, headers = () => ({}), mounts = {}, pages = {}, refuse = () => false, onRequest = () => {}, inject = '' }) {
  const folders = [['/', resolve(root)], ...Object.entries(mounts).map(([p, f]) => [p, resolve(f)])]
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      onRequest(path);
      if (refuse(path)) throw Object.assign(new Error(), { code: 'ENOENT' });
      let file = path;
      let body = pages[path];
      if (body === undefined) {
        const [prefix, folder] = folders.find(([p]) => path.startsWith(p));
        file = normalize(join(folder, path.slice(prefix.length)));
        if (!file.startsWith(folder + sep) && file !== folder) throw Object.assign(new Error(), { code: 'ENOENT' });
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        body = await readFile(file);
      }
      const type = pages[path] === undefined ? TYPES[extname(file)] || 'application/octet-stream' : TYPES['.html'];
      // After the doctype, so that the page keeps its standards mode.
      if (inject && type === TYPES['.html']) body = String(body).replace(/^(\s*<!doctype[^>]*>)?/i, (d) => d + inject);
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        ...headers(path),
      });
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' || e.code === 'EISDIR' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      // Closing also drops the browser's keep-alive connections, which would
      // otherwise hold the server (and a test run) open.
      const close = () =>
        new Promise((r) => {
          server.close(r);
          server.closeAllConnections();
        });
      done({ server, url: `http://127.0.0.1:${p}/`, close });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await serve({ root: arg('--root', 'www'), port: Number(arg('--port', 8000)) });
  console.log(`zhupi demo: ${url}`);
}
