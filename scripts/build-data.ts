// build-data.ts — `npm run data` / `npm run data:check`.
//
// Reads (from ../shared/data/raw, or $PERIMETRE_RAW_DIR, or --raw DIR):
//   gazetteer-anct-qp2024/QP2024_France_all_WGS84_4dp.geojson.gz, gazetteer-anct-qp2024/QP2024_list_all_1584.csv,
//   mutafriches-anct-qp2024/QN05980M_WGS84_6dp.geojson, france-geojson/communes-59-nord.geojson,
//   gregoiredavid-france-geojson/communes_Croix_Roubaix_Tourcoing_Wattrelos_and_neighbours.geojson,
//   francepack-lil/roads.geojson.gz, pierreggt-sbmaps-lil/ocean_depth_index_contours.json.gz,
//   derived-croix/croix_saint_pierre_7_streets.geojson, protomaps-basemaps-assets/fonts/…
//   Optional: --qpv FILE (official ANCT GeoJSON or qpv-2024-geojson.zip, replaces the gazetteer layer),
//             --ban FILE (BAN adresses-59.csv or .csv.gz).
// Writes: data/qpv-2024.geojson, data/communes.geojson, data/roads.geojson, data/water.geojson,
//   data/saint-pierre-streets.geojson, data/manifest.json, data/ban/<insee>.json (only with --ban: BAN points
//   of each covered commune, columnar, src/domain/ban/shard.ts; the directory is replaced as a whole), the compact
//   artifacts the browser reads (scripts/lib/artifacts.ts): data/streets.json, data/qpv/catalogue.json and
//   data/qpv/shards/<département>.json (the shards directory is replaced as a whole), data/street-sides.json and
//   data/street-lines/<insee>.json (centre-lines, scripts/lib/street-lines.ts; replaced as a whole), the planning files
//   data/planning/* and data/contract.json (scripts/data/), and
//   public/fonts/{Noto Sans Medium,Italic}/{0-255,256-511,8192-8447}.pbf + public/fonts/OFL.txt, and
//   public/tiles/basemap/{z}/{x}/{y}.pbf (roads + water as vector tiles, scripts/lib/tiles.ts; the directory is
//   replaced as a whole), public/tiles/qpv/{z}/{x}/{y}.pbf (the QPV and commune outlines as vector tiles,
//   scripts/data/qpv-tiles.ts; replaced as a whole too).
//   Everything is computed in memory and written to a temporary directory first; files are moved into place only
//   when every output succeeded. data/objectives.json, data/actions.geojson and data/README.md are never touched.
// --check: validates the files in data/ (including the hand-maintained objectives.json and actions.geojson) and, when the raw sources exist, rebuilds them in a temporary directory
//   and fails naming any file that differs.

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import gjv from 'geojson-validation';
import { checkActionsRegister } from '../src/domain/actions/schema.ts';
import { banShardText, checkBanShard } from '../src/domain/ban/shard';
import { splitBanTable } from '../src/domain/ban/table';
import {
  checkAddressTable,
  checkCommuneCollection,
  checkQpvCollection,
  checkRoadCollection,
  checkStreetCollection,
  checkWaterCollection,
} from '../src/domain/data-guards';
import type { GuardResult } from '../src/domain/data-types';
import { checkObjectivesFile } from '../src/domain/objectives.ts';
import {
  checkAccessCollection,
  checkContractFacts,
  checkFranceServicesCollection,
  checkIrisCollection,
  checkParkCollection,
  checkPlanningIndicators,
} from '../src/domain/planning/guards.ts';
import type { AreaGeometry } from '../src/domain/planning/lambert93';
import { checkQpvCatalogue, checkQpvShard } from '../src/domain/qpv-shards-guards';
import { checkStreetIndexFile } from '../src/domain/street-index-guard';
import { checkStreetLinesFile } from '../src/domain/street-lines-file';
import { createQpvIndex } from '../src/domain/verdict';
import { checkPlanningConsistency } from './data/check';
import { withCadastreOutlines } from './data/communes-cadastre';
import { buildContract } from './data/contract';
import { buildPlanning, PLANNING_OUTPUTS, PLANNING_RAW, type RawReaders } from './data/planning';
import { qpvTiles } from './data/qpv-tiles';
import { asQpvCollection, qpvShardTexts, relatedStreets, streetIndexText } from './lib/artifacts';
import { readBanFileSync } from './lib/ban-file';
import { postcodeLookup, selectCommunes } from './lib/communes';
import { DataFileError } from './lib/errors';
import { bboxOf } from './lib/geo';
import { glyphFiles } from './lib/glyphs';
import {
  featureCollectionText,
  gunzip,
  parseJson,
  readFeatureCollection,
  readSource,
  sha256,
  stableStringify,
  utf8,
} from './lib/io';
import {
  FOCUS_QPV,
  MEL_SIREN,
  normaliseQpv,
  type QpvFeature,
  type QpvRepairs,
  readOfficialQpv,
  readQpvList,
} from './lib/qpv';
import { defaultRawDir } from './lib/raw-dir';
import { roadsExtent, selectRoads } from './lib/roads';
import {
  BAN_META,
  GEOGRAPHY,
  GLYPH_META,
  OFFICIAL_QPV_META,
  SOURCE_META,
  type SourceMeta,
} from './lib/sources';
import { STREET_LINES_DIR, streetLinesTexts } from './lib/street-lines';
import { buildStreets } from './lib/streets';
import { basemapTiles, tileFiles } from './lib/tiles';
import { selectWater } from './lib/water';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const RAW = {
  qpv: 'gazetteer-anct-qp2024/QP2024_France_all_WGS84_4dp.geojson.gz',
  qpvList: 'gazetteer-anct-qp2024/QP2024_list_all_1584.csv',
  focus6dp: 'mutafriches-anct-qp2024/QN05980M_WGS84_6dp.geojson',
  communes: 'france-geojson/communes-59-nord.geojson',
  neighbours:
    'gregoiredavid-france-geojson/communes_Croix_Roubaix_Tourcoing_Wattrelos_and_neighbours.geojson',
  roads: 'francepack-lil/roads.geojson.gz',
  water: 'pierreggt-sbmaps-lil/ocean_depth_index_contours.json.gz',
  streets: 'derived-croix/croix_saint_pierre_7_streets.geojson',
  fonts: 'protomaps-basemaps-assets/fonts',
} as const;

/** Data files owned (written) by this script; the others in data/ belong to people. */
export const OWNED_OUTPUTS = [
  'communes.geojson',
  'contract.json',
  'manifest.json',
  ...PLANNING_OUTPUTS,
  'qpv-2024.geojson',
  'roads.geojson',
  'saint-pierre-streets.geojson',
  'streets.json',
  'street-sides.json',
  'qpv/catalogue.json',
  'water.geojson',
] as const;

/** Directory of the QPV shards in data/ (every file in it is written by this script). */
export const SHARDS_DIR = 'qpv/shards';

export interface BuildOptions {
  /** Raw sources directory (default `$PERIMETRE_RAW_DIR`, else `../shared/data/raw` relative to the repo). */
  rawDir?: string;
  /** Output directory (default `data/`). */
  outDir?: string;
  /** Glyph output directory (default `public/fonts/` next to `outDir`). */
  fontsDir?: string;
  /** Basemap tiles directory (default `tiles/basemap/` next to `fontsDir`, i.e. `public/tiles/basemap/`). */
  tilesDir?: string;
  /** Validate (and compare with a rebuild when raw sources exist) instead of writing. */
  check?: boolean;
  /** Official ANCT GeoJSON or zip replacing the gazetteer layer. */
  qpv?: string;
  /** BAN CSV (or .csv.gz) to build data/addresses.json. */
  ban?: string;
  /** Expected counts (defaults 1 584 QPV, 26 in the MEL); tests with small upstream fixtures lower them. */
  expect?: { qpv: number; mel: number };
  /** Progress messages (default: console.log). */
  log?: (msg: string) => void;
}

export interface BuildReport {
  /** Files written or checked, relative to outDir (fonts as `public/fonts/…`), with sizes and counts. */
  outputs: { path: string; bytes: number; features: number | null }[];
  repairs: QpvRepairs;
  messages: string[];
}

interface Built {
  data: Map<string, string>;
  fonts: Map<string, Uint8Array>;
  /** `{z}/{x}/{y}.pbf` → MVT bytes. */
  tiles: Map<string, Uint8Array>;
  /** QPV tiles, `{z}/{x}/{y}.pbf` → MVT bytes. */
  qpvTiles: Map<string, Uint8Array>;
  counts: Map<string, number>;
  repairs: QpvRepairs;
}

type SourceRecord = { path: string; sha256: string } & SourceMeta;

function buildAll(rawDir: string, outDir: string, opts: BuildOptions, log: (m: string) => void): Built {
  const expect = opts.expect ?? { qpv: 1584, mel: 26 };
  const raw = (rel: string): string => join(rawDir, rel);
  const label = (rel: string): string => relative(process.cwd(), raw(rel)) || rel;
  const sources: SourceRecord[] = [];
  const addSource = (path: string, bytes: Uint8Array, meta: SourceMeta): void => {
    sources.push({ path, sha256: sha256(bytes), ...meta });
  };
  const repairs: QpvRepairs = { duplicateVertices: 0, droppedRings: 0, pinchedFeatures: [] };
  const postcodes = postcodeLookup();
  const nameOfInsee = (c: string): string | undefined => postcodes.get(c)?.nom;

  // 1. QPV layer.
  const list = readQpvList(raw(RAW.qpvList), label(RAW.qpvList));
  addSource(RAW.qpvList, list.bytes, SOURCE_META[RAW.qpvList]!);
  let qpv: QpvFeature[];
  let melCodes: Set<string>;
  if (opts.qpv) {
    const official = readOfficialQpv(opts.qpv);
    // Base name only: the manifest must not depend on where the maintainer saved the download.
    const qpvName = basename(opts.qpv);
    addSource(official.member ? `${qpvName}!${official.member}` : qpvName, official.bytes, OFFICIAL_QPV_META);
    qpv = normaliseQpv(
      official.features,
      opts.qpv,
      { source: 'anct-data.gouv.fr', precisionM: null },
      list.names,
      nameOfInsee,
      repairs,
    );
    // The official file carries siren_epci; fall back to the gazetteer list when it does not.
    melCodes = new Set(
      official.features
        .filter((f) => String(f.properties?.siren_epci ?? '') === MEL_SIREN)
        .map((f) => String(f.properties?.code_qp)),
    );
    if (melCodes.size === 0) melCodes = list.mel;
  } else {
    const gaz = readFeatureCollection(raw(RAW.qpv), label(RAW.qpv));
    addSource(RAW.qpv, gaz.bytes, SOURCE_META[RAW.qpv]!);
    qpv = normaliseQpv(
      gaz.features,
      label(RAW.qpv),
      { source: 'gazetteer-anct-qp2024 (4 dp)', precisionM: 5.6 },
      list.names,
      nameOfInsee,
      repairs,
    );
    const six = readFeatureCollection(raw(RAW.focus6dp), label(RAW.focus6dp));
    addSource(RAW.focus6dp, six.bytes, SOURCE_META[RAW.focus6dp]!);
    const sixRepairs: QpvRepairs = { duplicateVertices: 0, droppedRings: 0, pinchedFeatures: [] };
    const [focus] = normaliseQpv(
      six.features,
      label(RAW.focus6dp),
      { source: 'mutafriches-anct-qp2024 (6 dp)', precisionM: 0.1 },
      list.names,
      nameOfInsee,
      sixRepairs,
    );
    if (six.features.length !== 1 || focus?.properties.code !== FOCUS_QPV) {
      throw new DataFileError(label(RAW.focus6dp), `une seule entité ${FOCUS_QPV} attendue`);
    }
    const idx = qpv.findIndex((f) => f.properties.code === FOCUS_QPV);
    if (idx < 0) throw new DataFileError(label(RAW.qpv), `${FOCUS_QPV} absent`);
    // Keep the 4-dp commune names (the 6-dp file has no lib_com) but the 6-dp outline.
    qpv[idx] = { ...focus, properties: { ...focus.properties, communes: qpv[idx]!.properties.communes } };
    repairs.pinchedFeatures = repairs.pinchedFeatures
      .filter((c) => c !== FOCUS_QPV)
      .concat(sixRepairs.pinchedFeatures);
    melCodes = list.mel;
  }
  repairs.pinchedFeatures.sort();
  qpv.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  const qpvLabel = opts.qpv ?? label(RAW.qpv);
  for (let i = 1; i < qpv.length; i++) {
    if (qpv[i]!.properties.code === qpv[i - 1]!.properties.code) {
      throw new DataFileError(qpvLabel, `code en double (duplicate code) ${qpv[i]!.properties.code}`);
    }
  }
  if (qpv.length !== expect.qpv) {
    throw new DataFileError(qpvLabel, `${expect.qpv} QPV attendus, ${qpv.length} trouvés (unexpected count)`);
  }
  // Flag the MEL QPVs: the QPV list of the app shows these 26 (the covered communes miss Armentières' two).
  for (const f of qpv) f.properties.mel = melCodes.has(f.properties.code);
  const mel = qpv.filter((f) => melCodes.has(f.properties.code)).length;
  if (mel !== expect.mel)
    throw new DataFileError(qpvLabel, `${expect.mel} QPV de la MEL attendus, ${mel} trouvés`);
  const focus = qpv.find((f) => f.properties.code === FOCUS_QPV);
  if (!focus) throw new DataFileError(qpvLabel, `${FOCUS_QPV} absent`);
  log(
    `qpv-2024: ${qpv.length} QPV (${mel} MEL), ${repairs.pinchedFeatures.length} with a self-touching ring`,
  );

  // 2. Area = extent of the roads file; focus bbox = the 11 communes, clipped to it.
  const roadsIn = readFeatureCollection(raw(RAW.roads), label(RAW.roads));
  addSource(RAW.roads, roadsIn.bytes, SOURCE_META[RAW.roads]!);
  const area = roadsExtent(roadsIn.features);
  const neighbours = readFeatureCollection(raw(RAW.neighbours), label(RAW.neighbours));
  addSource(RAW.neighbours, neighbours.bytes, SOURCE_META[RAW.neighbours]!);
  if (neighbours.features.length !== 11) {
    throw new DataFileError(
      label(RAW.neighbours),
      `11 communes attendues, ${neighbours.features.length} trouvées`,
    );
  }
  const nb = bboxOf(neighbours.features.map((f) => f.geometry?.coordinates));
  const focusBox: [number, number, number, number] = [
    Math.max(nb[0], area[0]),
    Math.max(nb[1], area[1]),
    Math.min(nb[2], area[2]),
    Math.min(nb[3], area[3]),
  ];

  // 3. Communes.
  const communesIn = readFeatureCollection(raw(RAW.communes), label(RAW.communes));
  addSource(RAW.communes, communesIn.bytes, SOURCE_META[RAW.communes]!);
  const simplified = selectCommunes(communesIn.features, label(RAW.communes), area);
  if (!simplified.some((c) => c.properties.insee === '59163')) {
    throw new DataFileError(label(RAW.communes), 'Croix (59163) absente de la zone');
  }
  // Cadastre outlines (AUT-MEL copy) replace the simplified ones where available (scripts/data/communes-cadastre.ts).
  const readers: RawReaders = {
    label,
    features: (rel) => {
      const fc = readFeatureCollection(raw(rel), label(rel));
      addSource(rel, fc.bytes, SOURCE_META[rel]!);
      return fc.features;
    },
    text: (rel) => {
      const bytes = readSource(raw(rel), label(rel));
      addSource(rel, bytes, SOURCE_META[rel]!);
      return utf8(bytes);
    },
  };
  const cad = withCadastreOutlines(
    simplified,
    readers.features(PLANNING_RAW.cadastre),
    label(PLANNING_RAW.cadastre),
  );
  const communes = cad.communes;
  log(`communes: ${communes.length} (${cad.cadastre.size} from the cadastre)`);

  // 4. Roads (cadastre outlines tested first where they overlap a simplified neighbour).
  const byOutline = [...communes].sort(
    (a, b) => Number(b.properties.source === 'cadastre') - Number(a.properties.source === 'cadastre'),
  );
  const roads = selectRoads(roadsIn.features, label(RAW.roads), focusBox, byOutline);
  log(`roads: ${roads.length} of ${roadsIn.features.length}`);

  // 5. Water.
  const waterBytes = readSource(raw(RAW.water), label(RAW.water));
  addSource(RAW.water, waterBytes, SOURCE_META[RAW.water]!);
  const water = selectWater(
    parseJson(utf8(gunzip(waterBytes, label(RAW.water))), label(RAW.water)),
    label(RAW.water),
    focusBox,
  );
  log(`water: ${water.length}`);
  const tiles = basemapTiles({ roads, water });
  log(`basemap tiles: ${tiles.size}`);

  // 6. Streets.
  const streetsIn = readFeatureCollection(raw(RAW.streets), label(RAW.streets));
  addSource(RAW.streets, streetsIn.bytes, SOURCE_META[RAW.streets]!);
  const index = createQpvIndex(asQpvCollection(qpv));
  const streets = buildStreets(streetsIn.features, label(RAW.streets), index);

  // 7. Glyphs.
  const fonts = new Map<string, Uint8Array>();
  for (const rel of glyphFiles()) {
    const src = `${RAW.fonts}/${rel}`;
    const bytes = readSource(raw(src), label(src));
    fonts.set(rel, bytes);
    addSource(src, bytes, GLYPH_META);
  }

  const data = new Map<string, string>();
  const counts = new Map<string, number>();
  const put = (name: string, features: readonly unknown[]): void => {
    data.set(name, featureCollectionText(features));
    counts.set(name, features.length);
  };
  put('qpv-2024.geojson', qpv);
  const qpvTileSet = qpvTiles(qpv, communes);
  log(`QPV tiles: ${qpvTileSet.size}`);
  put('communes.geojson', communes);
  put('roads.geojson', roads);
  put('water.geojson', water);
  put('saint-pierre-streets.geojson', streets);

  // 6b. Compact artifacts for the browser: street index with precomputed relations, QPV catalogue and shards.
  const related = relatedStreets(
    { type: 'FeatureCollection', features: roads },
    { type: 'FeatureCollection', features: communes },
    index,
  );
  const streetIndex = streetIndexText(related, { type: 'FeatureCollection', features: communes }, qpv);
  data.set('streets.json', streetIndex.text);
  counts.set('streets.json', streetIndex.count);
  // Centre-lines for the side of the street (loaded with the search) and to draw a street (per commune).
  const lines = streetLinesTexts(related, asQpvCollection(qpv));
  for (const [name, text] of lines.files) data.set(name, text);
  for (const [name, n] of lines.counts) counts.set(name, n);
  log(
    `street-sides.json: ${lines.counts.get('street-sides.json')} streets; street-lines: ${lines.files.size - 1} communes`,
  );
  const shardTexts = qpvShardTexts(qpv, melCodes);
  data.set('qpv/catalogue.json', shardTexts.catalogue);
  counts.set('qpv/catalogue.json', qpv.length);
  for (const [path, text] of shardTexts.shards) data.set(path, text);
  log(`streets.json: ${streetIndex.count} streets; qpv shards: ${shardTexts.shards.size}`);

  // Planning files and contract facts (issue 12, PLANNING-CONTRACT.md).
  const planning = buildPlanning(readers, focus.geometry as AreaGeometry, communes);
  for (const m of planning.log) log(m);
  for (const [name, text] of planning.files) data.set(name, text);
  for (const [name, n] of planning.counts) counts.set(name, n);
  data.set('contract.json', buildContract(readers, melCodes));

  // 8. Addresses (optional): BAN tables sharded by commune, data/ban/<insee>.json (the app loads them when present).
  if (opts.ban) {
    const ban = readBanFileSync(opts.ban, new Set(communes.map((c) => c.properties.insee)));
    addSource(basename(opts.ban), ban.bytes, BAN_META);
    for (const [insee, shard] of splitBanTable(ban.table)) {
      data.set(`ban/${insee}.json`, banShardText(shard));
      counts.set(`ban/${insee}.json`, shard.numero.length);
    }
    log(`ban: ${ban.kept} addresses in ${ban.table.communes.length} communes (${ban.rows} rows read)`);
  } else if (existsSync(join(outDir, 'ban'))) {
    // Preserved from an earlier --ban run: listed in the manifest as they are.
    for (const name of readdirSync(join(outDir, 'ban'))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const text = readFileSync(join(outDir, 'ban', name), 'utf8');
      data.set(`ban/${name}`, text);
      counts.set(
        `ban/${name}`,
        (parseJson(text, `data/ban/${name}`) as { numero?: unknown[] }).numero?.length ?? 0,
      );
    }
  }
  if (!opts.ban && existsSync(join(outDir, 'addresses.json'))) {
    // Older single-table form, preserved as it is.
    const text = readFileSync(join(outDir, 'addresses.json'), 'utf8');
    const table = parseJson(text, join(outDir, 'addresses.json')) as { rows?: unknown[] };
    counts.set('addresses.json', table.rows?.length ?? 0);
    data.set('addresses.json', text);
  }

  // 9. Manifest.
  const outputs = [...data.keys()].sort().map((name) => ({
    path: `data/${name}`,
    sha256: sha256(data.get(name)!),
    features: counts.get(name) ?? null,
  }));
  for (const rel of glyphFiles()) {
    outputs.push({ path: `public/fonts/${rel}`, sha256: sha256(fonts.get(rel)!), features: null });
  }
  sources.sort((a, b) => (a.path < b.path ? -1 : 1));
  data.set(
    'manifest.json',
    `${JSON.stringify(JSON.parse(stableStringify({ geography: GEOGRAPHY, outputs, sources })), null, 2)}\n`,
  );
  return { data, fonts, tiles, qpvTiles: qpvTileSet, counts, repairs };
}

function validateFile(name: string, text: string): GuardResult {
  const label = `data/${name}`;
  const value = parseJson(text, label);
  if (name.endsWith('.geojson')) {
    const errors = gjv.valid(value, true);
    if (errors.length > 0)
      return { ok: false, error: `${label}: GeoJSON invalide: ${errors.slice(0, 3).join('; ')}` };
  }
  switch (name) {
    case 'qpv-2024.geojson':
      return checkQpvCollection(value);
    case 'communes.geojson':
      return checkCommuneCollection(value);
    case 'roads.geojson':
      return checkRoadCollection(value);
    case 'water.geojson':
      return checkWaterCollection(value);
    case 'saint-pierre-streets.geojson':
      return checkStreetCollection(value);
    case 'addresses.json':
      return checkAddressTable(value);
    case 'planning/parks.geojson':
      return checkParkCollection(value);
    case 'planning/access.geojson':
      return checkAccessCollection(value);
    case 'planning/iris.geojson':
      return checkIrisCollection(value);
    case 'planning/france-services.geojson':
      return checkFranceServicesCollection(value);
    case 'planning/indicators.json':
      return checkPlanningIndicators(value);
    case 'contract.json':
      return checkContractFacts(value);
    case 'streets.json':
      return checkStreetIndexFile(value);
    case 'street-sides.json':
      return checkStreetLinesFile(value);
    case 'qpv/catalogue.json':
      return checkQpvCatalogue(value);
    case 'objectives.json':
      return checkObjectivesFile(value);
    case 'actions.geojson':
      return checkActionsRegister(value);
    default:
      if (name.startsWith('ban/')) return checkBanShard(value);
      if (name.startsWith(`${STREET_LINES_DIR}/`)) return checkStreetLinesFile(value);
      return name.startsWith(`${SHARDS_DIR}/`) ? checkQpvShard(value) : { ok: true };
  }
}

function checkExisting(
  outDir: string,
  fontsDir: string,
  tilesDir: string,
  opts: BuildOptions,
  log: (m: string) => void,
): string[] {
  const expect = opts.expect ?? { qpv: 1584, mel: 26 };
  // Hand-maintained files (objectives, actions register) and the optional BAN table are validated when present.
  const optional = ['addresses.json', 'objectives.json', 'actions.geojson'].filter((name) =>
    existsSync(join(outDir, name)),
  );
  const banShards = existsSync(join(outDir, 'ban'))
    ? readdirSync(join(outDir, 'ban'))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => `ban/${f}`)
    : [];
  const shardDir = join(outDir, SHARDS_DIR);
  const shards = existsSync(shardDir)
    ? readdirSync(shardDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => `${SHARDS_DIR}/${f}`)
    : [];
  if (shards.length === 0)
    throw new DataFileError(`data/${SHARDS_DIR}`, 'aucun shard (no shard): run `npm run data`');
  const linesDir = join(outDir, STREET_LINES_DIR);
  const lineFiles = existsSync(linesDir)
    ? readdirSync(linesDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => `${STREET_LINES_DIR}/${f}`)
    : [];
  if (lineFiles.length === 0)
    throw new DataFileError(
      `data/${STREET_LINES_DIR}`,
      'aucun fichier de lignes (no line file): run `npm run data`',
    );
  const names = [...OWNED_OUTPUTS, ...shards, ...lineFiles, ...optional, ...banShards];
  for (const name of names) {
    const path = join(outDir, name);
    const text = readFileSync(readSourceExists(path, `data/${name}`), 'utf8');
    const r = validateFile(name, text);
    if (!r.ok) throw new DataFileError(`data/${name}`, r.error);
  }
  const qpv = JSON.parse(readFileSync(join(outDir, 'qpv-2024.geojson'), 'utf8')) as { features: unknown[] };
  if (qpv.features.length !== expect.qpv) {
    throw new DataFileError(
      'data/qpv-2024.geojson',
      `${expect.qpv} QPV attendus, ${qpv.features.length} trouvés`,
    );
  }
  const qpvMel = (qpv.features as { properties: { mel: boolean } }[]).filter((f) => f.properties.mel).length;
  if (qpvMel !== expect.mel)
    throw new DataFileError(
      'data/qpv-2024.geojson',
      `${expect.mel} QPV de la MEL attendus (mel), ${qpvMel} trouvés`,
    );
  const communes = JSON.parse(readFileSync(join(outDir, 'communes.geojson'), 'utf8')) as {
    features: { properties: { insee: string; source: string } }[];
  };
  const croix = communes.features.find((f) => f.properties.insee === '59163');
  if (croix?.properties.source !== 'cadastre')
    throw new DataFileError('data/communes.geojson', 'Croix (59163) doit avoir le contour cadastral');
  checkPlanningConsistency(outDir);
  const streets = JSON.parse(readFileSync(join(outDir, 'saint-pierre-streets.geojson'), 'utf8')) as {
    features: unknown[];
  };
  if (streets.features.length !== 7)
    throw new DataFileError('data/saint-pierre-streets.geojson', '7 rues attendues');
  for (const rel of glyphFiles()) readSourceExists(join(fontsDir, rel), `public/fonts/${rel}`);
  if (tileFiles(tilesDir).length === 0)
    throw new DataFileError('public/tiles/basemap', 'aucune tuile (no tile): run `npm run data`');
  log(`check: ${names.length} data files valid`);
  return names;
}

function readSourceExists(path: string, label: string): string {
  readSource(path, label);
  return path;
}

/**
 * Builds (or, with `check`, validates and compares) every output of the data pipeline. Throws a
 * {@link DataFileError} naming the file on any problem; `data/` is left untouched unless everything succeeded.
 */
export function buildData(options: BuildOptions = {}): BuildReport {
  const log = options.log ?? ((m: string) => console.log(m));
  const rawDir = resolve(options.rawDir ?? defaultRawDir());
  const outDir = resolve(options.outDir ?? join(REPO, 'data'));
  const fontsDir = resolve(options.fontsDir ?? join(outDir, '..', 'public', 'fonts'));
  const tilesDir = resolve(options.tilesDir ?? join(fontsDir, '..', 'tiles', 'basemap'));
  const qpvTilesDir = join(tilesDir, '..', 'qpv');
  const messages: string[] = [];
  const say = (m: string): void => {
    messages.push(m);
    log(m);
  };

  if (options.check) {
    checkExisting(outDir, fontsDir, tilesDir, options, say);
    if (!existsSync(join(rawDir, RAW.qpv)) && !options.qpv) {
      say(
        `check: sources brutes absentes (${rawDir}) : data/ est validé mais PAS comparé à une reconstruction (raw sources absent: validated only, not compared with a rebuild; set --raw DIR or PERIMETRE_RAW_DIR)`,
      );
      return {
        outputs: [],
        repairs: { duplicateVertices: 0, droppedRings: 0, pinchedFeatures: [] },
        messages,
      };
    }
    const built = buildAll(rawDir, outDir, options, say);
    const differing: string[] = [];
    for (const [name, text] of built.data) {
      const path = join(outDir, name);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) differing.push(`data/${name}`);
    }
    for (const dir of [SHARDS_DIR, STREET_LINES_DIR])
      for (const name of readdirSync(join(outDir, dir)).map((f) => `${dir}/${f}`))
        if (!built.data.has(name)) differing.push(`data/${name}`);
    for (const [rel, bytes] of built.fonts) {
      const path = join(fontsDir, rel);
      if (!existsSync(path) || !Buffer.from(bytes).equals(readFileSync(path)))
        differing.push(`public/fonts/${rel}`);
    }
    for (const [tiles, dir, name] of [
      [built.tiles, tilesDir, 'basemap'],
      [built.qpvTiles, qpvTilesDir, 'qpv'],
    ] as const) {
      const tileDiffs = [...new Set([...tiles.keys(), ...tileFiles(dir)])].filter((rel) => {
        const bytes = tiles.get(rel);
        const path = join(dir, rel);
        return !bytes || !existsSync(path) || !Buffer.from(bytes).equals(readFileSync(path));
      });
      differing.push(...tileDiffs.slice(0, 3).map((rel) => `public/tiles/${name}/${rel}`));
      if (tileDiffs.length > 3) differing.push(`(+${tileDiffs.length - 3} tuiles)`);
    }
    if (differing.length > 0) {
      throw new DataFileError(
        differing.join(', '),
        'diffère de la reconstruction (differs from a rebuild): run `npm run data`',
      );
    }
    say('check: data/ is identical to a rebuild from the raw sources');
    return { outputs: reportOutputs(built), repairs: built.repairs, messages };
  }

  const built = buildAll(rawDir, outDir, options, say);
  // Write everything next to the destination (same file system, so renames are atomic), then move into place.
  mkdirSync(dirname(outDir), { recursive: true });
  const tmp = mkdtempSync(join(dirname(outDir), '.build-data-'));
  try {
    for (const [name, text] of built.data) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), text);
    }
    for (const [rel, bytes] of built.fonts) {
      mkdirSync(dirname(join(tmp, 'fonts', rel)), { recursive: true });
      writeFileSync(join(tmp, 'fonts', rel), bytes);
    }
    for (const [rel, bytes] of built.tiles) {
      mkdirSync(dirname(join(tmp, 'tiles', rel)), { recursive: true });
      writeFileSync(join(tmp, 'tiles', rel), bytes);
    }
    for (const [rel, bytes] of built.qpvTiles) {
      mkdirSync(dirname(join(tmp, 'qpv-tiles', rel)), { recursive: true });
      writeFileSync(join(tmp, 'qpv-tiles', rel), bytes);
    }
    mkdirSync(outDir, { recursive: true });
    // BAN shards: the directory is replaced, so no commune of an earlier file is left behind.
    if (options.ban) rmSync(join(outDir, 'ban'), { recursive: true, force: true });
    // Shards: the directory is replaced as a whole, so no shard of an earlier split is left behind.
    rmSync(join(outDir, SHARDS_DIR), { recursive: true, force: true });
    rmSync(join(outDir, STREET_LINES_DIR), { recursive: true, force: true });
    for (const name of built.data.keys()) {
      mkdirSync(dirname(join(outDir, name)), { recursive: true });
      renameSync(join(tmp, name), join(outDir, name));
    }
    for (const rel of built.fonts.keys()) {
      mkdirSync(dirname(join(fontsDir, rel)), { recursive: true });
      renameSync(join(tmp, 'fonts', rel), join(fontsDir, rel));
    }
    // Tiles: the whole directory is replaced, so no tile of an earlier, larger area is left behind.
    rmSync(tilesDir, { recursive: true, force: true });
    mkdirSync(dirname(tilesDir), { recursive: true });
    renameSync(join(tmp, 'tiles'), tilesDir);
    rmSync(qpvTilesDir, { recursive: true, force: true });
    renameSync(join(tmp, 'qpv-tiles'), qpvTilesDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const outputs = reportOutputs(built);
  for (const o of outputs)
    say(`wrote ${o.path} (${o.bytes} B${o.features === null ? '' : `, ${o.features} features`})`);
  const tileBytes = [...built.tiles.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  say(`wrote public/tiles/basemap/ (${built.tiles.size} tiles, ${tileBytes} B)`);
  const qpvTileBytes = [...built.qpvTiles.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  say(`wrote public/tiles/qpv/ (${built.qpvTiles.size} tiles, ${qpvTileBytes} B)`);
  return { outputs, repairs: built.repairs, messages };
}

function reportOutputs(built: Built): BuildReport['outputs'] {
  return [...built.data.keys()].sort().map((name) => ({
    path: name,
    bytes: Buffer.byteLength(built.data.get(name)!),
    features: built.counts.get(name) ?? null,
  }));
}

function parseArgs(argv: string[]): BuildOptions {
  const opts: BuildOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} attend une valeur (needs a value)`);
      return v;
    };
    if (a === '--check') opts.check = true;
    else if (a === '--raw') opts.rawDir = value();
    else if (a === '--out') opts.outDir = value();
    else if (a === '--qpv') opts.qpv = value();
    else if (a === '--ban') opts.ban = value();
    else throw new Error(`option inconnue (unknown option): ${a}`);
  }
  return opts;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    buildData(parseArgs(process.argv.slice(2)));
  } catch (e) {
    console.error(`build-data: ${(e as Error).message}`);
    process.exit(1);
  }
}
