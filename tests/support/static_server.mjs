// A folder served over HTTP on 127.0.0.1, as a plain intranet web server serves output/html/
// (no compression, no caching): the register's search fetches its index, which browsers
// refuse from file:// pages. Used by the browser tests and scripts/bench-register.mjs.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.xml': 'application/xml', '.pdf': 'application/pdf',
};

// Resolves to { url(relative) → address, close() } once the server listens on a free port.
export async function serveFolder(folder) {
  const root = path.resolve(folder);
  const server = http.createServer((request, response) => {
    let file;
    try {
      file = path.join(root, decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    if (request.url.split('?')[0].endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (error, bytes) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, {
        'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': bytes.length, 'Cache-Control': 'no-store',
      });
      response.end(bytes);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();  // a test file ends when its tests do, whether or not it closed the server
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    url: (relative = 'index.html') => new URL(relative, base).href,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
