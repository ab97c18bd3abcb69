// index.html preloads the search's data (scripts/vite-preload-plugin.ts, issue 10).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preloadTags, searchDataFiles } from '../../scripts/vite-preload-plugin.ts';

describe('preload of the search data', () => {
  it('names the street index and the QPV shards of its coverage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preload-'));
    const file = join(dir, 'streets.json');
    writeFileSync(file, JSON.stringify({ coverage: { shards: ['059', '062'] } }));
    expect(searchDataFiles(file)).toEqual([file, 'data/qpv/shards/059.json', 'data/qpv/shards/062.json']);
  });

  it('the committed index covers the Nord and the Pas-de-Calais shards', () => {
    expect(searchDataFiles()).toEqual([
      'data/streets.json',
      'data/qpv/shards/059.json',
      'data/qpv/shards/062.json',
    ]);
  });

  it('links each emitted file with the attributes of the loader’s fetch, and fails on a missing one', () => {
    const bundle = {
      'assets/streets-abc.json': {
        type: 'asset' as const,
        fileName: 'assets/streets-abc.json',
        originalFileNames: ['data/streets.json'],
      },
      'assets/index.js': { type: 'chunk' as const, fileName: 'assets/index.js' },
    };
    expect(preloadTags(['data/streets.json'], bundle, '/perimetre/')).toEqual([
      {
        tag: 'link',
        attrs: {
          rel: 'preload',
          as: 'fetch',
          crossorigin: 'anonymous',
          href: '/perimetre/assets/streets-abc.json',
        },
        injectTo: 'head',
      },
    ]);
    expect(() => preloadTags(['data/qpv/shards/059.json'], bundle, '/')).toThrow(/059\.json absent/);
  });
});
