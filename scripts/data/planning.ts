// planning.ts — the planning files of issue 12 (PLANNING-CONTRACT.md), called by scripts/build-data.ts.
//
// Reads (raw dir): autmel-geoservice-data/{parcs_jardins_MEL_bbox,isochrones_parcs_2019_MEL_bbox,
//   iris_MEL_bbox}.geojson, autmel-geoservice-data/stats_communes/stats_59163_{2015,2017,2019}.json,
//   anct-france-services-2024/liste-fs-20240801_bbox.csv; plus QN05980M (6 dp) and the communes (Croix from the
//   cadastre) already built by build-data.ts.
// Writes (returned as texts, written by build-data.ts): data/planning/parks.geojson, access.geojson,
//   iris.geojson, france-services.geojson, indicators.json. Every area and distance is computed in Lambert-93
//   (src/domain/planning/lambert93.ts) from the geometry written (6 decimals), never from a source's surface field.

import type { MultiPolygonGeometry, PolygonGeometry, Position } from '../../src/domain/data-types';
import {
  type AssociationStatsRow,
  type MeasuredPark,
  territoryIndicators,
} from '../../src/domain/planning/indicators';
import {
  type AreaGeometry,
  distanceToAreaM,
  intersectionAreaPlanar,
  intersectPlanar,
  type PlanarPolygons,
  planarArea,
  planarBbox,
  pointInArea,
  projectArea,
  toLambert93,
} from '../../src/domain/planning/lambert93';
import type {
  AccessProperties,
  FranceServicesProperties,
  IrisProperties,
  ParkProperties,
  PlanningIndicators,
  TrendPoint,
} from '../../src/domain/planning/types';
import { stripAccents } from '../../src/domain/text.ts';
import { type CommuneFeature, postcodeLookup } from '../lib/communes';
import { parseCsv } from '../lib/csv';
import { DataFileError } from '../lib/errors';
import { round, roundPos } from '../lib/geo';
import { featureCollectionText, parseJson, type RawFeature, stableStringify } from '../lib/io';
import { roundArea } from './communes-cadastre';

export const PLANNING_RAW = {
  cadastre: 'autmel-geoservice-data/communes_MEL_cadastre_etalab_bbox.geojson',
  parks: 'autmel-geoservice-data/parcs_jardins_MEL_bbox.geojson',
  access: 'autmel-geoservice-data/isochrones_parcs_2019_MEL_bbox.geojson',
  iris: 'autmel-geoservice-data/iris_MEL_bbox.geojson',
  stats: (year: number): string => `autmel-geoservice-data/stats_communes/stats_59163_${year}.json`,
  franceServices: 'anct-france-services-2024/liste-fs-20240801_bbox.csv',
} as const;

export const PLANNING_OUTPUTS = [
  'planning/access.geojson',
  'planning/france-services.geojson',
  'planning/indicators.json',
  'planning/iris.geojson',
  'planning/parks.geojson',
] as const;

const YEARS = [2015, 2017, 2019] as const;

/** Readers given by build-data.ts (they also record each source in the manifest). */
export interface RawReaders {
  features: (rel: string) => RawFeature[];
  text: (rel: string) => string;
  label: (rel: string) => string;
}

type Area = PolygonGeometry | MultiPolygonGeometry;
const m2 = (v: number): number => Math.round(v);
const share = (v: number): number => round(v, 4);

function areaOf(f: RawFeature, label: string, what: string): Area {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
    throw new DataFileError(label, `${what}: géométrie (Multi)Polygon attendue`);
  return roundArea(g as Area);
}

/** Upper case, no accents, Œ as OE, « SAINT » as « ST », punctuation as spaces: how AUT-MEL writes communes. */
function communeKey(name: string): string {
  return stripAccents(name.replace(/œ/g, 'oe').replace(/Œ/g, 'OE'))
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/\bSAINT\b/g, 'ST')
    .trim();
}

function byId<T extends { properties: { id: string } }>(a: T, b: T): number {
  const x = a.properties.id;
  const y = b.properties.id;
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

export interface PlanningBuild {
  files: Map<string, string>;
  counts: Map<string, number>;
  log: string[];
}

/** Builds every planning file. `focus` is QN05980M (6 dp); `communes` carry the cadastre outlines. */
export function buildPlanning(
  read: RawReaders,
  focus: AreaGeometry,
  communes: CommuneFeature[],
): PlanningBuild {
  const files = new Map<string, string>();
  const counts = new Map<string, number>();
  const log: string[] = [];
  const qpvPlanar = projectArea(focus);
  const qpvBox = planarBbox(qpvPlanar);
  const meets = (p: PlanarPolygons): boolean => {
    const b = planarBbox(p);
    return b[0] <= qpvBox[2] && qpvBox[0] <= b[2] && b[1] <= qpvBox[3] && qpvBox[1] <= b[3];
  };
  const inQpv = (p: PlanarPolygons): number => (meets(p) ? intersectionAreaPlanar(p, qpvPlanar) : 0);
  // Commune names as La Poste's base writes them (npm codes-postaux), for the Nord (59).
  const names = new Map<string, string>();
  for (const [insee, entry] of [...postcodeLookup()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const key = communeKey(entry.nom);
    if (insee.startsWith('59') && !names.has(key)) names.set(key, entry.nom);
  }

  // Parks and gardens.
  const parksLabel = read.label(PLANNING_RAW.parks);
  const measured: MeasuredPark[] = [];
  const parks = read.features(PLANNING_RAW.parks).map((f, i) => {
    const p = f.properties ?? {};
    const id = String(p.id ?? '');
    if (id === '' || typeof p.name !== 'string')
      throw new DataFileError(parksLabel, `entité ${i}: id et name attendus`);
    const city = typeof p.city === 'string' ? p.city : '';
    const base = {
      id,
      nom: p.name.trim(),
      commune: names.get(communeKey(city)) ?? city,
      oms: p.oms === true,
      actif: p.actif !== false,
      cimetiere: /cimeti[eè]re/i.test(p.name),
    };
    if (f.geometry?.type === 'Point') {
      const point = roundPos(f.geometry.coordinates as Position, 6);
      measured.push({ oms: base.oms, planar: null, point: toLambert93(point) });
      const properties: ParkProperties = { ...base, area_m2: null, in_qpv_m2: 0 };
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: point },
        properties,
      };
    }
    const geometry = areaOf(f, parksLabel, `parc ${id}`);
    const planar = projectArea(geometry);
    measured.push({ oms: base.oms, planar, point: null });
    const properties: ParkProperties = {
      ...base,
      area_m2: m2(planarArea(planar)),
      in_qpv_m2: m2(inQpv(planar)),
    };
    return { type: 'Feature' as const, geometry, properties };
  });
  parks.sort(byId);
  files.set('planning/parks.geojson', featureCollectionText(parks));
  counts.set('planning/parks.geojson', parks.length);

  // Walking-access areas (the association's isochrones, 2019).
  const accessLabel = read.label(PLANNING_RAW.access);
  const accessPlanar: PlanarPolygons[] = [];
  const access = read.features(PLANNING_RAW.access).map((f, i) => {
    const p = f.properties ?? {};
    const id = String(p.id ?? '');
    if (id === '') throw new DataFileError(accessLabel, `entité ${i}: id attendu`);
    const geometry = areaOf(f, accessLabel, `zone ${id}`);
    const planar = projectArea(geometry);
    accessPlanar.push(planar);
    const people = String(p.people ?? '').trim();
    const residents = people === '' ? null : Number(people);
    if (residents !== null && !Number.isFinite(residents))
      throw new DataFileError(accessLabel, `zone ${id}: people illisible (${people})`);
    const properties: AccessProperties = {
      id,
      nom: String(p.name ?? '').trim(),
      oms: p.oms === true,
      residents,
      area_m2: m2(planarArea(planar)),
    };
    return { type: 'Feature' as const, geometry, properties };
  });
  access.sort(byId);
  files.set('planning/access.geojson', featureCollectionText(access));
  counts.set('planning/access.geojson', access.length);

  // IRIS with their share inside QN05980M.
  const irisLabel = read.label(PLANNING_RAW.iris);
  const iris = read.features(PLANNING_RAW.iris).map((f, i) => {
    const p = f.properties ?? {};
    const code = String(p.id ?? '');
    if (!/^\d{9}$/.test(code)) throw new DataFileError(irisLabel, `entité ${i}: code IRIS attendu (${code})`);
    const geometry = areaOf(f, irisLabel, `IRIS ${code}`);
    const planar = projectArea(geometry);
    const area = planarArea(planar);
    const qpv = inQpv(planar);
    const properties: IrisProperties = {
      code,
      nom: String(p.idIris ?? '').trim(),
      insee: code.slice(0, 5),
      area_m2: m2(area),
      qpv_m2: m2(qpv),
      qpv_share: area > 0 ? share(Math.min(1, qpv / area)) : 0,
    };
    return { type: 'Feature' as const, geometry, properties };
  });
  iris.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  files.set('planning/iris.geojson', featureCollectionText(iris));
  counts.set('planning/iris.geojson', iris.length);

  // France services and their distance to QN05980M.
  const fsLabel = read.label(PLANNING_RAW.franceServices);
  const rows = parseCsv(read.text(PLANNING_RAW.franceServices), fsLabel, ',', [
    'id_fs',
    'lib_fs',
    'adresse',
    'complement_adresse',
    'lib_com',
    'latitude',
    'longitude',
  ]);
  const services = rows.map((r) => {
    const point = roundPos([Number(r.longitude), Number(r.latitude)], 6);
    if (!Number.isFinite(point[0]) || !Number.isFinite(point[1]))
      throw new DataFileError(fsLabel, `${r.id_fs}: latitude/longitude illisibles`);
    const inside = pointInArea(point, focus);
    const complement = (r.complement_adresse ?? '').trim();
    const properties: FranceServicesProperties = {
      id: String(r.id_fs),
      nom: String(r.lib_fs).trim(),
      adresse: [String(r.adresse).trim(), complement].filter((s) => s !== '').join(', '),
      commune: String(r.lib_com).trim(),
      distance_qpv_m: inside ? 0 : Math.round(distanceToAreaM(point, focus)),
      inside_qpv: inside,
    };
    return { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: point }, properties };
  });
  services.sort(byId);
  files.set('planning/france-services.geojson', featureCollectionText(services));
  counts.set('planning/france-services.geojson', services.length);

  // Indicators.
  const croix = communes.find((c) => c.properties.insee === '59163');
  if (!croix) throw new DataFileError('data/communes.geojson', 'Croix (59163) absente');
  const croixPlanar = projectArea(croix.geometry);
  const qpvCroix = intersectPlanar(qpvPlanar, croixPlanar);
  if (!qpvCroix) throw new DataFileError('data/communes.geojson', 'QN05980M ne rencontre pas Croix');
  const trend = YEARS.map((year) => {
    const rel = PLANNING_RAW.stats(year);
    const value = parseJson(read.text(rel), read.label(rel)) as { annee?: unknown; stats?: unknown };
    const stats = value.stats;
    if (String(value.annee) !== String(year) || !Array.isArray(stats))
      throw new DataFileError(read.label(rel), `statistiques ${year} attendues`);
    const rowsOf: AssociationStatsRow[] = stats.map((s: { surface?: unknown; habitants?: unknown }) => ({
      surface: String(s.surface),
      habitants: Number(s.habitants),
    }));
    return { year: year as TrendPoint['year'], rows: rowsOf };
  });
  const territories = [
    territoryIndicators(
      { id: 'qpv', label: 'QN05980M (tout le quartier)', planar: qpvPlanar },
      measured,
      accessPlanar,
    ),
    territoryIndicators(
      { id: 'qpv-croix', label: 'QN05980M, partie de Croix (Saint-Pierre)', planar: qpvCroix },
      measured,
      accessPlanar,
    ),
    territoryIndicators(
      { id: 'croix', label: 'Croix (toute la commune)', planar: croixPlanar, trend },
      measured,
      accessPlanar,
    ),
  ].map((t) => ({
    ...t,
    area_m2: m2(t.area_m2),
    park_area_m2: m2(t.park_area_m2),
    park_share: share(t.park_share),
    residents_under_3m2_share:
      t.residents_under_3m2_share === null ? null : share(t.residents_under_3m2_share),
    trend: t.trend.map((y) => ({
      year: y.year,
      shares: Object.fromEntries(
        Object.entries(y.shares).map(([k, v]) => [k, share(v)]),
      ) as TrendPoint['shares'],
    })),
  }));
  const indicators: PlanningIndicators = {
    qpv: 'QN05980M',
    territories,
    method: METHOD,
    caveats: CAVEATS,
    sources: INDICATOR_SOURCES,
  };
  files.set(
    'planning/indicators.json',
    `${JSON.stringify(JSON.parse(stableStringify(indicators)), null, 2)}\n`,
  );

  // Split of QN05980M by commune, logged (data/README shows it next to the simplified outlines' split).
  for (const c of communes) {
    const a = intersectionAreaPlanar(qpvPlanar, projectArea(c.geometry));
    if (a >= 1) log.push(`QN05980M ∩ ${c.properties.nom} (${c.properties.source}): ${Math.round(a)} m²`);
  }
  log.push(
    `planning: ${parks.length} parks, ${access.length} access areas, ${iris.length} IRIS, ${services.length} France services; Croix part of QN05980M ${Math.round(planarArea(qpvCroix))} m² (Lambert-93)`,
  );
  return { files, counts, log };
}

const METHOD =
  'Surfaces calculées en Lambert-93 (EPSG:2154) à partir des contours publiés (6 décimales), jamais à partir du champ « surface » des sources. ' +
  'Territoires : QN05980M (contour ANCT à 6 décimales) ; sa partie de Croix = QN05980M ∩ contour cadastral de Croix (Etalab, copie AUT-MEL) ; Croix = contour cadastral de la commune. ' +
  'Surface de parcs : somme, sur les contours de parcs, jardins, squares et cimetières de la couche AUT-MEL, de leur surface à l’intérieur du territoire. ' +
  'Parcs : contours ayant plus de 1 m² dans le territoire, plus les parcs connus par un seul point situé dedans ; « OMS » = comptés comme parcs selon les critères OMS retenus par l’association. ' +
  'Parcs accessibles à pied : nombre de zones d’accès à pied (isochrones 2019 de l’association, une par parc) qui rencontrent le territoire sur plus de 1 m², c’est-à-dire de parcs dont la zone d’accès touche le territoire. ' +
  'Part des habitants avec moins de 3 m² de parc chacun et évolution 2015/2017/2019 : chiffres de l’association (population INSEE Filosofi au carreau de 200 m × parcs accessibles), par commune, en pourcentage de son total.';

const CAVEATS = [
  'Les parts d’habitants par m² de parc sont celles de l’association AUT-MEL, par commune : ce ne sont pas des statistiques officielles. Leurs totaux dépassent la population des communes (Croix 2019 : 28 655 habitants comptés), les carreaux de 200 m à cheval sur une limite étant sans doute comptés dans chaque commune : seules les parts (%) sont utilisées.',
  'Ces parts n’existent pas pour QN05980M ni pour sa partie de Croix (aucun chiffre par quartier) : elles sont vides (null) pour ces deux territoires.',
  'Les contours des parcs ont été assemblés et retouchés par l’association à partir de données ouvertes de la MEL, des villes et d’OpenStreetMap ; les cimetières y figurent (non comptés comme parcs OMS).',
  'Les zones d’accès à pied sont calculées par l’association (isochrones 2019) ; les habitants par zone viennent de sa méthode (Filosofi 2019), pas d’un comptage officiel.',
  'Surface et part des parcs sont des surfaces au sol, pas des surfaces ouvertes au public.',
];

const INDICATOR_SOURCES = [
  'AUT-MEL, autmel/geoservice-data (GPL-3.0) : parcs et jardins, zones d’accès à pied 2019, statistiques par commune',
  'DGFiP – Etalab, cadastre (Licence Ouverte 2.0), via AUT-MEL : contour de Croix',
  'Source : ANCT, quartiers prioritaires de la politique de la ville, génération 2024 (Licence Ouverte) : QN05980M',
  'INSEE, Filosofi 2015, 2017, 2019 (via l’association)',
];
