/**
 * Vite plugin that makes the built app usable offline after the first visit, without a new dependency.
 *
 * Reads: every file Vite wrote to the output directory (`dist/`: index.html, hashed JS/CSS, the `data/`
 * assets emitted through `?url` imports, the glyphs copied from `public/fonts/`), and the service-worker
 * template `src/sw-template.js`. Writes: `dist/sw.js`, the template with the precache manifest inlined:
 * the sorted list of file URLs, each with its revision (a hash of its bytes), and a version hash of them all.
 *
 * Why per-file revisions: the worker keys its cache by URL and revision, so a deployment downloads only the files
 * whose bytes changed (not every tile and font again). Why the version: the browser re-installs a service worker
 * only when the bytes of `sw.js` change; any change in any precached file changes a revision, hence `sw.js`,
 * hence an update prompt in the page; an unchanged build gives a byte-identical `sw.js` and no prompt.
 *
 * Why not Workbox (vite-plugin-pwa 2.0.0 supports Vite 8, injectManifest mode): workbox-build brings 37 direct
 * dependencies (Babel, Rollup, Terser…) to produce what these hundred lines write: a sorted list of
 * `[url, sha256]`. The worker keeps Workbox's model (revisioned cache keys, cleanup of stale entries on activate).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

export interface PrecacheFile {
  /** Path relative to the output directory, with `/` separators (e.g. `assets/index-abc.js`). */
  fileName: string;
  source: string | Uint8Array;
}

export interface PrecacheManifest {
  /** 16 hex digits: changes whenever a file name or a file's bytes change. */
  version: string;
  /**
   * `[url, revision]`: URLs relative to the service worker's scope, percent-encoded
   * (`./fonts/Noto%20Sans%20Medium/0-255.pbf`); revision = 16 hex digits of the file's SHA-256.
   */
  entries: [string, string][];
}

/** Files never precached: Vite's own manifest, source maps, the service worker itself. */
export const DEFAULT_EXCLUDE: readonly RegExp[] = [/^\.vite\//, /\.map$/, /^sw\.js$/];

/** The token of `src/sw-template.js` replaced by the manifest. */
export const MANIFEST_TOKEN = 'self.__PRECACHE_MANIFEST__';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Percent-encodes each path segment (glyph folders have spaces) the way the browser requests them. */
export function fileUrl(fileName: string): string {
  return `./${fileName.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Builds the precache manifest of a set of output files: deterministic (sorted by name, independent of the
 * input order) and versioned by the content of every file.
 *
 * @example
 * buildPrecacheManifest([{ fileName: 'index.html', source: '<!doctype html>' }]);
 * // → { version: '…16 hex…', entries: [['./index.html', '…16 hex…']] }
 */
export function buildPrecacheManifest(
  files: readonly PrecacheFile[],
  exclude: readonly RegExp[] = DEFAULT_EXCLUDE,
  keep: (fileName: string) => boolean = () => true,
): PrecacheManifest {
  const kept = files
    .filter((file) => !exclude.some((pattern) => pattern.test(file.fileName)) && keep(file.fileName))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  const hash = createHash('sha256');
  const entries: [string, string][] = [];
  for (const file of kept) {
    const revision = sha256(file.source).slice(0, 16);
    hash.update(`${file.fileName}\0${revision}\n`);
    entries.push([fileUrl(file.fileName), revision]);
  }
  return { version: hash.digest('hex').slice(0, 16), entries };
}

/** Inlines the manifest into the template; fails loudly when the template has lost its token. */
export function renderServiceWorker(template: string, manifest: PrecacheManifest): string {
  const parts = template.split(MANIFEST_TOKEN);
  if (parts.length !== 2) {
    throw new Error(`sw-template : le jeton ${MANIFEST_TOKEN} doit apparaître exactement une fois`);
  }
  return parts.join(JSON.stringify(manifest));
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface PrecachePluginOptions {
  /** Template path, relative to the Vite root. */
  template?: string;
  /** Output name of the service worker. */
  fileName?: string;
  /** Extra exclusions (e.g. an optional online basemap's files), added to `DEFAULT_EXCLUDE`. */
  exclude?: RegExp[];
  /** Keep only the files this accepts (e.g. the QPV tiles of the covered area, not those of all France). */
  keep?: (fileName: string) => boolean;
}

/** The plugin: at the end of `vite build`, writes `<outDir>/sw.js` (build only; nothing in `vite dev`). */
export function precachePlugin(options: PrecachePluginOptions = {}): Plugin {
  const templatePath = options.template ?? 'src/sw-template.js';
  const swName = options.fileName ?? 'sw.js';
  let config: ResolvedConfig;
  return {
    name: 'perimetre:precache',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle: {
      // After every other plugin wrote its files, and after `public/` was copied (prepare-out-dir runs first).
      order: 'post',
      sequential: true,
      handler(outputOptions) {
        // Only the client build (workers and SSR builds have their own output and no page to serve).
        if (config.build.ssr) return;
        const outDir = resolve(config.root, outputOptions.dir ?? config.build.outDir);
        const exclude = [
          ...DEFAULT_EXCLUDE,
          new RegExp(`^${swName.replace(/\./g, '\\.')}$`),
          ...(options.exclude ?? []),
        ];
        const files = listFiles(outDir).map((fileName) => ({
          fileName,
          source: readFileSync(join(outDir, fileName)),
        }));
        const manifest = buildPrecacheManifest(files, exclude, options.keep);
        const template = readFileSync(resolve(config.root, templatePath), 'utf8');
        writeFileSync(join(outDir, swName), renderServiceWorker(template, manifest));
        config.logger.info(
          `précache : ${manifest.entries.length} fichiers, version ${manifest.version} → ${swName}`,
        );
      },
    },
  };
}
