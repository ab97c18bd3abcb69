// The guards of the data files (valibot schemas): a valid file passes, and each rule, broken once, is named in
// French with the file and the feature number. Fixtures are written here by hand, not read from data/.
import { describe, expect, it } from 'vitest';
import { checkBanShard } from '../../src/domain/ban/shard.ts';
import {
  checkAddressTable,
  checkCommuneCollection,
  checkQpvCollection,
  checkRoadCollection,
  checkStreetCollection,
  checkWaterCollection,
} from '../../src/domain/data-guards.ts';
import { ADDRESS_COLUMNS } from '../../src/domain/data-types.ts';
import {
  checkContractFacts,
  checkParkCollection,
  checkPlanningIndicators,
} from '../../src/domain/planning/guards.ts';
import { checkStreetIndexFile } from '../../src/domain/street-index-guard.ts';

const ring = [
  [3.15, 50.68],
  [3.16, 50.68],
  [3.16, 50.69],
  [3.15, 50.68],
];
const qpv = (code: string, patch: Record<string, unknown> = {}) => ({
  type: 'Feature',
  bbox: [3.15, 50.68, 3.16, 50.69],
  geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
  properties: {
    code,
    nom: 'Saint-Pierre',
    insee: ['59163'],
    communes: ['Croix'],
    precision_m: 0.1,
    source: 'anct',
    mel: true,
  },
  ...patch,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const error = (result: { ok: true } | { ok: false; error: string }) => (result.ok ? 'ok' : result.error);

describe('checkQpvCollection', () => {
  it('accepts a valid, sorted collection', () => {
    expect(checkQpvCollection(collection(qpv('QN05980M'), qpv('QN05981M')))).toEqual({ ok: true });
  });

  it.each([
    ['not a collection', [], 'qpv-2024.geojson : pas une FeatureCollection'],
    ['a list as feature', collection([]), 'qpv-2024.geojson : entité 0 : pas une entité GeoJSON'],
    ['a bad code', collection(qpv('QP059080')), 'entité 0 : propriété code : code QPV invalide (QP059080)'],
    [
      'an unsorted file',
      collection(qpv('QN05981M'), qpv('QN05980M')),
      'entité 1 : pas triée par code (QN05980M après QN05981M)',
    ],
    ['a missing bbox', collection(qpv('QN05980M', { bbox: undefined })), 'entité 0 : bbox absente'],
    [
      'a Polygon',
      collection(qpv('QN05980M', { geometry: { type: 'Polygon', coordinates: [ring] } })),
      'entité 0 : géométrie de type Polygon : MultiPolygon attendu',
    ],
    [
      'an open ring',
      collection(qpv('QN05980M', { geometry: { type: 'MultiPolygon', coordinates: [[ring.slice(0, 3)]] } })),
      'entité 0 : MultiPolygon invalide',
    ],
    [
      'a latitude out of range',
      collection(
        qpv('QN05980M', {
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [3, 95],
                  [3, 50],
                  [4, 50],
                  [3, 95],
                ],
              ],
            ],
          },
        }),
      ),
      'MultiPolygon invalide',
    ],
  ])('refuses %s', (_, value, message) => {
    expect(error(checkQpvCollection(value))).toContain(message);
  });

  it.each([
    ['mel', { mel: 'oui' }, 'propriété mel : true ou false attendu'],
    ['communes', { communes: [] }, 'communes doit suivre insee'],
    ['precision_m', { precision_m: 0 }, 'propriété precision_m : nombre > 0 attendu'],
    ['insee', { insee: [] }, 'propriété insee : liste vide'],
  ])('names a bad %s', (_, patch, message) => {
    const feature = qpv('QN05980M');
    const bad = { ...feature, properties: { ...feature.properties, ...patch } };
    expect(error(checkQpvCollection(collection(bad)))).toContain(message);
  });

  it('names a missing property', () => {
    const feature = qpv('QN05980M');
    const { mel: _, ...properties } = feature.properties;
    expect(error(checkQpvCollection(collection({ ...feature, properties })))).toBe(
      'qpv-2024.geojson : entité 0 : propriété mel absente',
    );
  });
});

describe('the other data files', () => {
  const line = (properties: Record<string, unknown>) => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [
        [3.15, 50.68],
        [3.16, 50.69],
      ],
    },
    properties,
  });

  it('roads: a class of the list, a name or null', () => {
    expect(checkRoadCollection(collection(line({ nom: null, classe: 'minor', insee: '59163' })))).toEqual({
      ok: true,
    });
    expect(error(checkRoadCollection(collection(line({ nom: 'x', classe: 'chemin', insee: null }))))).toBe(
      'roads.geojson : entité 0 : propriété classe : classe inconnue (chemin)',
    );
    expect(error(checkRoadCollection(collection(line({ nom: '', classe: 'minor', insee: null }))))).toContain(
      'propriété nom : texte non vide ou null attendu',
    );
  });

  it('communes: sorted by INSEE code, a known source', () => {
    const commune = (insee: string, source = 'cadastre') => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { insee, nom: 'Croix', codes_postaux: ['59170'], source },
    });
    expect(checkCommuneCollection(collection(commune('59163'), commune('59350')))).toEqual({ ok: true });
    expect(error(checkCommuneCollection(collection(commune('59350'), commune('59163'))))).toContain(
      'pas triée par code INSEE',
    );
    expect(error(checkCommuneCollection(collection(commune('59163', 'osm'))))).toContain(
      'propriété source : source inconnue (osm)',
    );
  });

  it('water: polygons without properties', () => {
    const water = (properties: Record<string, unknown>) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties,
    });
    expect(checkWaterCollection(collection(water({})))).toEqual({ ok: true });
    expect(error(checkWaterCollection(collection(water({ nom: 'Canal' }))))).toContain(
      'les surfaces d’eau n’ont pas de propriétés',
    );
  });

  it('streets: the three measures add up to the length', () => {
    const street = (dehors_m: number) => ({
      type: 'Feature',
      geometry: { type: 'MultiLineString', coordinates: [line({}).geometry.coordinates] },
      properties: {
        id: 'rue-du-tonkin',
        nom: 'Rue du Tonkin',
        insee: '59163',
        longueur_m: 100,
        dedans_m: 60,
        limite_m: 30,
        dehors_m,
        marge_m: 15.1,
        statut: 'partiel',
      },
    });
    expect(checkStreetCollection(collection(street(10)))).toEqual({ ok: true });
    expect(error(checkStreetCollection(collection(street(11))))).toContain(
      'dedans_m + limite_m + dehors_m ≠ longueur_m',
    );
    expect(error(checkStreetCollection(collection(street(-1))))).toContain(
      'propriété dehors_m : nombre ≥ 0 attendu',
    );
  });

  it('addresses: the columns, then every row', () => {
    const row = [12, null, 'Rue du Tonkin', '59170', '59163', 3.15, 50.68, 'entrée'];
    expect(checkAddressTable({ columns: [...ADDRESS_COLUMNS], rows: [row] })).toEqual({ ok: true });
    expect(error(checkAddressTable({ columns: ['numero'], rows: [] }))).toBe(
      'addresses.json : colonnes inattendues',
    );
    expect(
      error(
        checkAddressTable({ columns: [...ADDRESS_COLUMNS], rows: [row, [...row.slice(0, 5), 200, 50, 'x']] }),
      ),
    ).toBe('addresses.json : la ligne 1 ne suit pas les colonnes');
    expect(error(checkAddressTable([]))).toBe('addresses.json : { columns, rows } attendu');
  });
});

describe('planning files', () => {
  const park = (
    patch: Record<string, unknown>,
    geometry: unknown = { type: 'Polygon', coordinates: [ring] },
  ) => ({
    type: 'Feature',
    geometry,
    properties: {
      id: 'p1',
      nom: 'Parc Barbieux',
      commune: 'Croix',
      oms: true,
      actif: true,
      cimetiere: false,
      area_m2: 1000,
      in_qpv_m2: 200,
      ...patch,
    },
  });

  it('parks: areas, points without area, unique ids', () => {
    expect(checkParkCollection(collection(park({})))).toEqual({ ok: true });
    expect(error(checkParkCollection(collection(park({ in_qpv_m2: 2000 }))))).toBe(
      'planning/parks.geojson : entité 0 : in_qpv_m2 dépasse area_m2',
    );
    expect(
      error(checkParkCollection(collection(park({}, { type: 'Point', coordinates: [3.15, 50.68] })))),
    ).toContain('null et in_qpv_m2 = 0 pour un point');
    expect(error(checkParkCollection(collection(park({}), park({}))))).toBe(
      'planning/parks.geojson : entité 1 : identifiant en double (p1)',
    );
  });

  it('indicators and contract: the first bad field, with its path', () => {
    expect(error(checkPlanningIndicators({ qpv: 'QN05980M', territories: [] }))).toBe(
      'planning/indicators.json : champ territories : les territoires doivent être qpv, qpv-croix, croix, dans cet ordre',
    );
    expect(error(checkPlanningIndicators({ qpv: 1 }))).toBe(
      'planning/indicators.json : champ qpv : texte attendu',
    );
    expect(error(checkContractFacts({ contrat: 'x' }))).toBe('contract.json : champ contrat : objet attendu');
    expect(error(checkContractFacts({ contrat: { code: 'CN05911M', label: 'x', generation: '2024' } }))).toBe(
      'contract.json : champ contrat.previous_code absent',
    );
  });
});

describe('BAN shard', () => {
  const shard = {
    communes: ['59163'],
    date: '2026-01-01',
    source: 'BAN',
    positions: ['entrée'],
    suffixes: ['bis'],
    streets: [['Rue du Tonkin', '59163', '59170']],
    lat: [506_869_631],
    lon: [31_563_344],
    numero: [43],
    position: [0],
    suffix: [0],
    streetStart: [0, 1],
  };

  it('accepts aligned columns and names the first problem', () => {
    expect(checkBanShard(shard)).toEqual({ ok: true });
    expect(error(checkBanShard({ ...shard, lat: [] }))).toBe(
      'fichier BAN : les colonnes n’ont pas la même longueur',
    );
    expect(error(checkBanShard({ ...shard, lon: [3.15] }))).toBe(
      'fichier BAN : lon : liste d’entiers attendue',
    );
    expect(error(checkBanShard({ ...shard, streets: [['Rue du Tonkin', '59163']] }))).toContain(
      'fichier BAN : streets.0',
    );
  });
});

describe('street index header', () => {
  const header = {
    area: [3.1, 50.6, 3.2, 50.7],
    coverage: { bbox: [3.1, 50.6, 3.2, 50.7], reach_m: 300, qpv: ['QN05980M'], shards: ['059'] },
    communes: [['59163', 'Croix', ['59170'], 'entiere', null]],
    qpv: [['QN05980M', 'Saint-Pierre']],
    nom: [],
    origin_e7: [31_000_000, 506_000_000],
    bbox_e5: [],
    statut: '',
    qpvs: [],
    ...Object.fromEntries(
      [
        'commune',
        'lon_e7',
        'lat_e7',
        'qpv_ref',
        'distance_dm',
        'marge_dm',
        'longueur_dm',
        'dedans_dm',
        'limite_dm',
        'dedans_geometrique_dm',
        'plus_proche',
        'plus_proche_dm',
      ].map((key) => [key, []]),
    ),
  };

  it('accepts an empty index and names a broken header part', () => {
    expect(checkStreetIndexFile(header)).toEqual({ ok: true });
    expect(error(checkStreetIndexFile({ ...header, area: [3.2, 50.6, 3.1, 50.7] }))).toBe(
      'streets.json : area invalide',
    );
    expect(error(checkStreetIndexFile({ ...header, qpv: [['QN05980M']] }))).toBe(
      'streets.json : table qpv invalide',
    );
    const { coverage: _, ...withoutCoverage } = header;
    expect(error(checkStreetIndexFile(withoutCoverage))).toBe('streets.json : coverage absent');
    expect(error(checkStreetIndexFile([]))).toBe('streets.json : objet attendu');
  });
});
