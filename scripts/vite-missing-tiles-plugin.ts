/**
 * Vite plugin: a missing vector tile answers 404, as on a static host, instead of the SPA's index.html.
 *
 * Reads: nothing but the request path and the served directory (`public/` in `vite dev`, `dist/` in
 * `vite preview`). Writes: nothing. The QPV tiles are sparse outside the covered area (scripts/data/qpv-tiles.ts):
 * MapLibre reads a 404 as an empty tile, but an HTML page in its place as a corrupt tile.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';

function missingTiles(root: () => string, base: () => string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const prefix = `${base()}tiles/`;
    if (!path.startsWith(prefix) || !path.endsWith('.pbf')) return next();
    const rel = path.slice(base().length);
    if (rel.includes('..') || existsSync(join(root(), rel))) return next();
    res.statusCode = 404;
    res.end();
  };
}

export function missingTilesPlugin(): Plugin {
  let publicDir = '';
  let outDir = '';
  let base = '/';
  return {
    name: 'perimetre:missing-tiles',
    configResolved(config) {
      publicDir = config.publicDir;
      outDir = resolve(config.root, config.build.outDir);
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(
        missingTiles(
          () => publicDir,
          () => base,
        ),
      );
    },
    configurePreviewServer(server) {
      server.middlewares.use(
        missingTiles(
          () => outDir,
          () => base,
        ),
      );
    },
  };
}
