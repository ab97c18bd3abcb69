// QPV 2024 layer: reads the ANCT perimeters (gazetteer 4-dp copy, or the official ANCT GeoJSON / zip given with
// --qpv), normalises them to the `QpvProperties` contract, always MultiPolygon, sorted by code, with a bbox.

import type { MultiPolygonGeometry, Position, QpvProperties } from '../../src/domain/data-types';
import { parseCsv } from './csv';
import { DataFileError } from './errors';
import { bboxOf, decimalsOf, dropConsecutiveDuplicates } from './geo';
import { asFeatureCollection, gunzip, parseJson, type RawFeature, readSource, unzipMember, utf8 } from './io';

/** The quartier of the project, measured against the most precise outline available. */
export const FOCUS_QPV = 'QN05980M';
/** SIREN of the Métropole Européenne de Lille (EPCI), for the MEL count check. */
export const MEL_SIREN = '200093201';
/** Member of the official ANCT zip holding the national GeoJSON. */
export const ANCT_ZIP_MEMBER = 'QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson';

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * Half a unit of the last decimal in metres north-south, rounded to 0.1 m and at least 0.1 m:
 * 4 dp → 5.6 m, 5 dp → 0.6 m, 6 dp and more → 0.1 m.
 */
export function precisionFromDecimals(dp: number): number {
  return Math.max(0.1, Math.round(0.5 * 10 ** -dp * METRES_PER_DEGREE_LAT * 10) / 10);
}

export type QpvFeature = {
  type: 'Feature';
  bbox: [number, number, number, number];
  geometry: MultiPolygonGeometry;
  properties: QpvProperties;
};

/** Rounding artefacts found (and, for consecutive duplicates, repaired) while reading the outlines. */
export interface QpvRepairs {
  /** Consecutive duplicate vertices removed (area unchanged). */
  duplicateVertices: number;
  /** Rings that collapsed to < 4 vertices after rounding and were dropped (zero area). */
  droppedRings: number;
  /** Features with a ring touching itself (a vertex repeated non-consecutively): kept as is, documented. */
  pinchedFeatures: string[];
}

function maxDecimals(coords: unknown): number {
  let d = 0;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      d = Math.max(d, decimalsOf(c[0] as number), decimalsOf(c[1] as number));
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(coords);
  return d;
}

function toMultiPolygon(
  f: RawFeature,
  label: string,
  code: string,
  repairs: QpvRepairs,
): MultiPolygonGeometry {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    throw new DataFileError(label, `${code}: géométrie (Multi)Polygon attendue, trouvé ${g?.type ?? 'null'}`);
  }
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][];
  const out: Position[][][] = [];
  let pinched = false;
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (const ring of poly) {
      const clean = dropConsecutiveDuplicates(ring);
      repairs.duplicateVertices += ring.length - clean.length;
      if (clean.length < 4) {
        repairs.droppedRings++;
        continue;
      }
      const seen = new Set<string>();
      for (const p of clean.slice(0, -1)) {
        const k = `${p[0]},${p[1]}`;
        if (seen.has(k)) pinched = true;
        seen.add(k);
      }
      rings.push(clean);
    }
    if (rings.length > 0) out.push(rings);
  }
  if (out.length === 0) throw new DataFileError(label, `${code}: géométrie vide (empty geometry)`);
  if (pinched) repairs.pinchedFeatures.push(code);
  return { type: 'MultiPolygon', coordinates: out };
}

function splitList(v: unknown): string[] {
  return String(v ?? '')
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface QpvSourceInfo {
  /** Value of the `source` property. */
  source: string;
  /** Fixed precision, or null to derive it from each feature's decimals. */
  precisionM: number | null;
}

/**
 * Normalises raw ANCT-like features (`code_qp`, `lib_qp`, `insee_com`, optional `lib_com`) to QPV features.
 * `communeNames` maps a QPV code to its commune names when the file has no `lib_com`; `nameOfInsee` is the
 * last resort (La Poste base via codes-postaux).
 */
export function normaliseQpv(
  features: RawFeature[],
  label: string,
  info: QpvSourceInfo,
  communeNames: Map<string, string[]>,
  nameOfInsee: (insee: string) => string | undefined,
  repairs: QpvRepairs,
): QpvFeature[] {
  return features.map((f, i) => {
    const p = f.properties ?? {};
    const code = p.code_qp;
    if (typeof code !== 'string' || !/^QN[0-9AB]{5}[A-Z]$/.test(code)) {
      throw new DataFileError(label, `feature ${i}: code_qp manquant ou invalide (${String(code)})`);
    }
    const nom = p.lib_qp;
    if (typeof nom !== 'string' || nom.trim() === '')
      throw new DataFileError(label, `${code}: lib_qp manquant`);
    const insee = splitList(p.insee_com);
    if (insee.length === 0) throw new DataFileError(label, `${code}: insee_com manquant`);
    let communes = splitList(p.lib_com);
    if (communes.length !== insee.length) communes = communeNames.get(code) ?? [];
    if (communes.length !== insee.length) communes = insee.map((c) => nameOfInsee(c) ?? c);
    const geometry = toMultiPolygon(f, label, code, repairs);
    const precision_m = info.precisionM ?? precisionFromDecimals(maxDecimals(geometry.coordinates));
    return {
      type: 'Feature',
      bbox: bboxOf(geometry.coordinates),
      geometry,
      properties: { code, nom: nom.trim(), insee, communes, precision_m, source: info.source, mel: false },
    };
  });
}

/** Reads the official ANCT GeoJSON, or its zip (`GEOJSON/QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson`). */
export function readOfficialQpv(path: string): {
  features: RawFeature[];
  bytes: Uint8Array;
  member: string | null;
} {
  const bytes = readSource(path);
  let text: Uint8Array = bytes;
  let member: string | null = null;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const m = unzipMember(bytes, path, ANCT_ZIP_MEMBER);
    text = m.data;
    member = m.name;
  } else if (path.endsWith('.gz')) {
    text = gunzip(bytes, path);
  }
  const label = member ? `${path}!${member}` : path;
  return { features: asFeatureCollection(parseJson(utf8(text), label), label), bytes, member };
}

/** Reads `QP2024_list_all_1584.csv`: commune names per code and the MEL membership flag. */
export function readQpvList(
  path: string,
  label: string,
): { names: Map<string, string[]>; mel: Set<string>; bytes: Uint8Array } {
  const bytes = readSource(path, label);
  const rows = parseCsv(utf8(bytes), label, ',', ['code_qp', 'lib_com', 'in_MEL']);
  const names = new Map<string, string[]>();
  const mel = new Set<string>();
  for (const r of rows) {
    names.set(r.code_qp!, splitList(r.lib_com));
    if (r.in_MEL === '1') mel.add(r.code_qp!);
  }
  return { names, mel, bytes };
}
