// @ts-check
/** Serves a built folder under a URL prefix, for the framework examples. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const types = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
});

/**
 * @param {string} prefix a URL path prefix ending in `/`
 * @param {string} folder the folder to serve
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean}
 *   serves the request if it is under the prefix, and says whether it was
 */
export function staticFiles(prefix, folder) {
  const root = normalize(folder) + sep;
  return (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) return false;
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return false;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not built: run npm run build:examples (${path})`);
      return true;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
    return true;
  };
}
