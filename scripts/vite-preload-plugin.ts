/**
 * Vite plugin: index.html asks for the address search's data at once (issue 10), in parallel with the JavaScript,
 * instead of after the app has started and rendered. Without it the street index is requested ≈ 300 ms after the
 * navigation on the bench phone (once React has mounted the search box) and the QPV shards after the index.
 *
 * Reads: `data/streets.json` (its `coverage.shards`: the QPV shards the search loads with the index) and the
 * names of the assets of the bundle. Writes: one `<link rel="preload" as="fetch" crossorigin>` per file into the
 * `<head>` of the built index.html (production and e2e builds; nothing in `vite dev`).
 *
 * `crossorigin` (anonymous) matches the `fetch()` of src/io/data-loader.ts (CORS mode, same-origin credentials):
 * without it the browser would download each file twice.
 */
import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** Source paths (relative to the project root) of the files the search loads first. */
export function searchDataFiles(streetIndexPath = 'data/streets.json'): string[] {
  const index = JSON.parse(readFileSync(streetIndexPath, 'utf8')) as { coverage?: { shards?: unknown } };
  const shards = Array.isArray(index.coverage?.shards) ? index.coverage.shards : [];
  return [
    streetIndexPath,
    ...shards.filter((id): id is string => typeof id === 'string').map((id) => `data/qpv/shards/${id}.json`),
  ];
}

interface EmittedAsset {
  type: 'asset' | 'chunk';
  fileName: string;
  originalFileNames?: readonly string[];
}

/** The `<link>` tags for the emitted assets whose source is one of `sources` (in the order of `sources`). */
export function preloadTags(
  sources: readonly string[],
  bundle: Record<string, EmittedAsset>,
  base: string,
): HtmlTagDescriptor[] {
  const assets = Object.values(bundle).filter((item) => item.type === 'asset');
  return sources.map((source) => {
    const asset = assets.find((item) => item.originalFileNames?.includes(source));
    if (!asset) throw new Error(`préchargement : ${source} absent de la construction`);
    return {
      tag: 'link',
      attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `${base}${asset.fileName}` },
      injectTo: 'head',
    };
  });
}

export function preloadSearchDataPlugin(): Plugin {
  let base = '/';
  return {
    name: 'perimetre-preload-search-data',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle) return [];
        return preloadTags(searchDataFiles(), context.bundle as Record<string, EmittedAsset>, base);
      },
    },
  };
}
