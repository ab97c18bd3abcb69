import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DataManifest, describeDatasets, parseManifest } from '../../src/domain/data-manifest.ts';
import { LIBRARIES, LIBRARY_PACKAGES } from '../../src/domain/libraries.ts';
import { DATASETS } from '../../src/domain/sources.ts';

const manifest = parseManifest(JSON.parse(readFileSync('data/manifest.json', 'utf8')));

describe('data/manifest.json and the documented datasets', () => {
  it('has the shape the « Sources et mentions » page reads', () => {
    expect(manifest).not.toBeNull();
    expect(manifest?.geography.texte).toContain('2023-1314');
  });

  it('documents every raw source and every output of the manifest', () => {
    expect(describeDatasets(manifest).uncovered).toEqual([]);
  });

  it('agrees with the manifest on each source’s licence and attribution', () => {
    const { datasets } = describeDatasets(manifest);
    for (const dataset of datasets) {
      for (const source of dataset.sources) {
        expect(source.licence, `${source.path} (${dataset.id})`).toMatch(
          new RegExp(`^${dataset.licenceManifeste}`),
        );
      }
    }
    const qpv = datasets.find((dataset) => dataset.id === 'qpv');
    expect(qpv?.sources.map((source) => source.attribution)).toContain(`« ${qpv?.attribution} »`);
  });

  it('attaches the app files to their dataset, with feature counts', () => {
    const { datasets } = describeDatasets(manifest);
    const qpv = datasets.find((dataset) => dataset.id === 'qpv');
    const qpvPaths = qpv?.outputs.map((output) => output.path) ?? [];
    expect(qpvPaths).toContain('data/qpv-2024.geojson');
    expect(qpvPaths).toContain('data/qpv/catalogue.json');
    expect(qpvPaths.filter((path) => path.startsWith('data/qpv/shards/')).length).toBeGreaterThan(90);
    expect(qpv?.outputs.find((output) => output.path === 'data/qpv-2024.geojson')?.features).toBe(1584);
    const glyphs = datasets.find((dataset) => dataset.id === 'glyphes');
    expect(glyphs?.outputs.length).toBeGreaterThan(0);
    expect(glyphs?.outputs.every((output) => output.path.startsWith('public/fonts/'))).toBe(true);
    // communes.geojson is listed once, under the IGN outlines, not again under the postcodes.
    expect(datasets.find((dataset) => dataset.id === 'codes-postaux')?.outputs).toEqual([]);
  });
});

describe('describeDatasets', () => {
  const tiny: DataManifest = {
    geography: { nom: 'QP 2024', texte: 'décret' },
    sources: [
      {
        path: 'x/unknown.csv',
        sha256: 'a',
        origin: 'somewhere',
        date: '2026',
        licence: 'LO',
        attribution: 'x',
      },
      {
        path: '/home/ville/adresses-59.csv.gz',
        sha256: 'b',
        origin: 'Base Adresse Nationale, adresse.data.gouv.fr',
        date: '2026',
        licence: 'Licence Ouverte (Etalab)',
        attribution: '« Base Adresse Nationale »',
      },
    ],
    outputs: [{ path: 'data/new-layer.geojson', sha256: 'c', features: 3 }],
  };

  it('reports what no dataset documents, so a new source cannot ship silently', () => {
    expect(describeDatasets(tiny).uncovered).toEqual(['x/unknown.csv', 'data/new-layer.geojson']);
  });

  it('shows the optional address base only when it was imported (matched by origin, any path)', () => {
    expect(
      describeDatasets(tiny).datasets.find((dataset) => dataset.id === 'adresses')?.sources,
    ).toHaveLength(1);
    const without = { ...tiny, sources: [] };
    expect(describeDatasets(without).datasets.some((dataset) => dataset.id === 'adresses')).toBe(false);
  });

  it('still lists the datasets without a manifest', () => {
    const { datasets, uncovered } = describeDatasets(null);
    expect(datasets.map((dataset) => dataset.id)).toContain('qpv');
    expect(uncovered).toEqual([]);
  });
});

describe('parseManifest', () => {
  it('rejects other shapes', () => {
    expect(parseManifest(null)).toBeNull();
    expect(
      parseManifest({ geography: { nom: 'x', texte: 'y' }, sources: [{ path: 1 }], outputs: [] }),
    ).toBeNull();
    expect(
      parseManifest({ geography: { nom: 'x', texte: 'y' }, sources: [], outputs: [{ path: 'p' }] }),
    ).toBeNull();
  });
});

describe('LIBRARIES', () => {
  it('states the licence written in each package.json', () => {
    for (const library of LIBRARIES) {
      const name = LIBRARY_PACKAGES[library.name];
      expect(name, library.name).toBeDefined();
      const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as {
        license?: string;
      };
      expect(library.licence, name).toBe(pkg.license);
    }
  });

  it('covers every runtime dependency of package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const listed = new Set(Object.values(LIBRARY_PACKAGES));
    expect(Object.keys(pkg.dependencies).filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe('DATASETS', () => {
  it('carries the exact attributions the licences require', () => {
    const byId = new Map(DATASETS.map((dataset) => [dataset.id, dataset]));
    expect(byId.get('qpv')?.attribution).toBe(
      'Source : ANCT, quartiers prioritaires de la politique de la ville, génération 2024',
    );
    expect(byId.get('voirie-eau')?.attribution).toBe('© les contributeurs d’OpenStreetMap');
    expect(byId.get('voirie-eau')?.licence).toContain('ODbL');
    expect(byId.get('glyphes')?.licence).toBe('SIL Open Font License 1.1');
  });
});
