import { describe, expect, it } from 'vitest';
import {
  containsMapLibre,
  initialFiles,
  mapChunkFiles,
  type ViteManifest,
} from '../../scripts/bench/bundle.ts';
import { evaluate, markdownTable, type ResultRow } from '../../scripts/bench.ts';

describe('bench aggregator', () => {
  it('lets the repo budget override the row’s default, and flags values out of budget', () => {
    const row = { name: 'x', value: 120, unit: 'kB', budget: { max: 200 } };
    expect(evaluate(row, {}).status).toBe('ok');
    expect(evaluate(row, { x: { max: 100 } })).toEqual({ budget: { max: 100 }, status: 'dépassé' });
    expect(evaluate({ ...row, value: 5 }, { x: { min: 10 } }).status).toBe('dépassé');
    expect(evaluate({ name: 'y', value: 1, unit: '' }, {}).status).toBe('—');
  });

  it('counts a row without a value as an error, whatever its budget', () => {
    expect(evaluate({ name: 'x', value: Number.NaN, unit: 'ms', budget: { max: 1 } }, {}).status).toBe(
      'erreur',
    );
  });

  it('prints one Markdown table with baseline, ratio and escaped cells', () => {
    const rows: ResultRow[] = [
      {
        name: 'pip | flatbush',
        value: 0.5,
        unit: 'µs',
        baseline: { name: 'naive', value: 39 },
        budget: { max: 2 },
        module: 'verdict.ts',
        ratio: 0.5 / 39,
        status: 'ok',
      },
      { name: 'initial JS', value: 1500.256, unit: 'kB', module: 'bundle.ts', ratio: null, status: '—' },
    ];
    expect(markdownTable(rows).split('\n')).toEqual([
      '| name | value | unit | baseline | ratio | budget | status | note |',
      '|---|---:|---|---|---:|---|---|---|',
      '| pip \\| flatbush | 0.5 | µs | naive: 39 | 0.01× | ≤ 2 | ok |  |',
      '| initial JS | 1500.26 | kB |  |  |  | — |  |',
      '',
    ]);
  });
});

describe('bundle benchmark: reading Vite’s manifest', () => {
  const manifest: ViteManifest = {
    'index.html': {
      file: 'assets/index-a.js',
      isEntry: true,
      imports: ['_shared-b.js'],
      dynamicImports: ['src/features/map/map-view.tsx', 'src/features/pages/sources-page.tsx'],
      css: ['assets/index-a.css'],
    },
    '_shared-b.js': { file: 'assets/shared-b.js', imports: ['index.html'], css: ['assets/shared-b.css'] },
    'src/features/map/map-view.tsx': {
      file: 'assets/map-view-c.js',
      isDynamicEntry: true,
      imports: ['index.html', '_vendor-d.js'],
    },
    '_vendor-d.js': { file: 'assets/vendor-d.js' },
    'src/features/pages/sources-page.tsx': { file: 'assets/sources-page-e.js', isDynamicEntry: true },
  };

  it('takes the entry and its static imports (with their CSS), not the lazy pages', () => {
    expect(initialFiles(manifest)).toEqual({
      js: ['assets/index-a.js', 'assets/shared-b.js'],
      css: ['assets/index-a.css', 'assets/shared-b.css'],
    });
  });

  it('finds the lazy map chunk and its own imports, without the initial files', () => {
    expect(mapChunkFiles(manifest)).toEqual(['assets/map-view-c.js', 'assets/vendor-d.js']);
  });

  it('recognises MapLibre’s code only when both markers are there', () => {
    expect(containsMapLibre('x="maplibregl-canvas";y="webglcontextcreationerror"')).toBe(true);
    expect(containsMapLibre('className:"maplibregl-canvas"')).toBe(false);
  });
});
