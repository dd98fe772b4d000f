// A static file server for the repository root on 127.0.0.1, for the page tests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root`; resolves to { url, close }. `headers` are added to every response; `missing(path)`
 * makes a path answer 404; `types` overrides content types by extension; `cut(path)` serves a
 * path's first 100 bytes only (a damaged file); `edit(path, body)` serves what it returns.
 */
export function serve(root, { headers = {}, missing = () => false, types = {}, cut = () => false, edit = (path, body) => body } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let whole;
    try {
      if (missing(path)) throw new Error('blocked');
      whole = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let body;
    try {
      body = edit(path, cut(path) ? whole.subarray(0, 100) : whole);
    } catch (e) {
      // A test's own assertion inside `edit`: it fails the test (an uncaught exception), not
      // a 404 the page would report as a missing file.
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
      setImmediate(() => { throw e; });
      return;
    }
    const type = types[extname(path)] ?? TYPES[extname(path)] ?? 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
