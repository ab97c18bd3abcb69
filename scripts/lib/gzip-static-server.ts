// A tiny static web server for the benchmarks: serves a directory (dist/) the way a plain static host does,
// gzip included, and counts the bytes it sends for each request (with the time it arrived).
//
// Reads: the files under `root` (and `extra`, path → file, for pages that are not part of the build). Writes
// nothing. Behaves like nginx with `gzip on; gzip_comp_level 6; gzip_types` for text, JS, JSON/GeoJSON, SVG and
// vector tiles (`.pbf`), when the request says `Accept-Encoding: gzip` and the body is over 20 bytes
// (gzip_min_length); Last-Modified and ETag as nginx sends them (304 on a matching If-None-Match); a missing
// file is a 404, a path without extension gets index.html (SPA routes).

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.pbf': 'application/x-protobuf',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const GZIPPED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.txt', '.pbf']);

export interface CountedResponse {
  path: string;
  status: number;
  /** Bytes of the body as sent (gzip when applied). */
  bytes: number;
  gzip: boolean;
  /** When the request arrived, in ms since the Unix epoch (comparable with a page's `performance.timeOrigin + t`). */
  at: number;
}

export interface GzipStaticServer {
  base: string;
  /** Every response sent since the last `reset()`, in order. */
  log: CountedResponse[];
  reset(): void;
  close(): Promise<void>;
}

export async function startGzipStaticServer(
  root: string,
  extra: Record<string, string> = {},
): Promise<GzipStaticServer> {
  const log: CountedResponse[] = [];
  const gzipCache = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const at = performance.timeOrigin + performance.now();
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    let file = extra[path] ?? join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    if (!extra[path] && (path.endsWith('/') || extname(path) === '')) file = join(root, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end();
      log.push({ path, status: 404, bytes: 0, gzip: false, at });
      return;
    }
    const ext = extname(file);
    const stat = statSync(file);
    const size = stat.size;
    // nginx sends both validators: the browser may then reuse (and coalesce) requests of the same file.
    const etag = `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${size.toString(16)}"`;
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'last-modified': stat.mtime.toUTCString(),
      etag,
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      log.push({ path, status: 304, bytes: 0, gzip: false, at });
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && GZIPPED.has(ext) && size > 20) {
      let body = gzipCache.get(file);
      if (!body) {
        body = gzipSync(readFileSync(file), { level: 6 });
        gzipCache.set(file, body);
      }
      response.writeHead(200, {
        ...headers,
        'content-encoding': 'gzip',
        'content-length': String(body.length),
      });
      response.end(body);
      log.push({ path, status: 200, bytes: body.length, gzip: true, at });
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': String(size) });
    createReadStream(file).pipe(response);
    log.push({ path, status: 200, bytes: size, gzip: false, at });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    reset: () => {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
