// `data/streets.json` (issue 10): the compact street index the browser's geocoder and search build from, instead of
// every road of the area — names, commune, postcodes, placement point and bbox of each street, and its relation to
// the QPVs precomputed by `npm run data` with the one street-relation function (./street-relation.ts).
// Column-wise (one array per field: similar values side by side compress best), integers only:
// - placement points exact (7 decimals, as the geocoder computes them), as offsets from `origin_e7`;
// - bboxes in 10^-5 degree offsets from the placement point, rounded outwards (≤ 1.1 m larger: camera use only);
// - lengths and distances in decimetres (0.1 m); « dehors » is implied (length − inside − band, ± 0.1 m).
// `coverage` names the QPVs that can matter for any point of the covered area (+ margin) with a reach up to
// `reach_m`: with them loaded, a point there gets the answer computed with all of France (./qpv-shards.ts).
// Pure TypeScript: encoded by the build, decoded by the geocoder and the check; guard in ./street-index-guard.ts.

import type { BBox, Position } from './data-types';
import type { Coverage, CoveredSide } from './geocoder/coverage';
import type { QpvRef } from './qpv-index';
import type { StreetRelation } from './street-relation';

/** `data/streets.json`. */
export interface StreetIndexFile {
  /** Extent of the covered communes. */
  area: BBox;
  /** QPVs (codes) and shards that answer every point of `bbox` with a band up to `reach_m`. */
  coverage: { bbox: BBox; reach_m: number; qpv: string[]; shards: string[] };
  /**
   * [insee, nom, codes postaux, coverage by the road data, covered side] of each covered commune, by INSEE code
   * (coverage as in ./geocoder/coverage.ts; absent in older files: entire).
   */
  communes: [string, string, string[], Coverage?, (CoveredSide | null)?][];
  /** Code and name of every QPV a street refers to, by code. */
  qpv: [string, string][];
  /** Streets in the geocoder's order (by INSEE code, then name): a street's id is its position. */
  nom: string[];
  /** Index in `communes`. */
  commune: number[];
  /** Placement point = (origin_e7 + lon_e7 / lat_e7) / 10^7. */
  origin_e7: [number, number];
  lon_e7: number[];
  lat_e7: number[];
  /** 4 per street: west, south, east, north distances from the placement point, 10^-5 degree (outwards). */
  bbox_e5: number[];
  /** One letter per street: d = dans, h = hors, l = limite. */
  statut: string;
  /** Index in `qpv`, -1 none. */
  qpv_ref: number[];
  /** -1: none (« limite »). */
  distance_dm: number[];
  marge_dm: number[];
  longueur_dm: number[];
  dedans_dm: number[];
  limite_dm: number[];
  dedans_geometrique_dm: number[];
  /** Index in `qpv` of the QPV nearest to the axis; -2: the same as `qpv_ref`; -1 none. */
  plus_proche: number[];
  /** -2: the same as `distance_dm`; -1 none. */
  plus_proche_dm: number[];
  /** Indices in `qpv` of the QPVs the street enters or runs along. */
  qpvs: number[][];
}

/** What the geocoder needs of a street. */
export interface IndexedStreetEntry {
  nom: string;
  insee: string;
  center: Position;
  bbox: BBox;
}

const STATUS = { d: 'dans', h: 'hors', l: 'limite' } as const;
const LETTER = { dans: 'd', hors: 'h', limite: 'l' } as const;
const dm = (m: number | null): number => (m === null ? -1 : Math.round(m * 10));
const metres = (d: number): number | null => (d < 0 ? null : d / 10);

/** Builds the file from the streets (geocoder order) and their relations (the build). */
export function encodeStreetIndex(
  head: Pick<StreetIndexFile, 'area' | 'coverage' | 'communes'>,
  streets: readonly { street: IndexedStreetEntry; relation: StreetRelation }[],
): StreetIndexFile {
  const codes = new Map<string, string>();
  for (const { relation: r } of streets)
    for (const ref of [r.qpv, r.nearest, ...r.qpvs]) if (ref) codes.set(ref.code, ref.nom);
  const qpv = [...codes].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const qpvIndex = new Map(qpv.map(([code], i) => [code, i]));
  const ref = (q: QpvRef | null) => (q ? qpvIndex.get(q.code)! : -1);
  const communeIndex = new Map(head.communes.map(([insee], i) => [insee, i]));
  const origin: [number, number] = [Math.round(head.area[0] * 1e7), Math.round(head.area[1] * 1e7)];
  const file: StreetIndexFile = {
    ...head,
    qpv,
    nom: [],
    commune: [],
    origin_e7: origin,
    lon_e7: [],
    lat_e7: [],
    bbox_e5: [],
    statut: '',
    qpv_ref: [],
    distance_dm: [],
    marge_dm: [],
    longueur_dm: [],
    dedans_dm: [],
    limite_dm: [],
    dedans_geometrique_dm: [],
    plus_proche: [],
    plus_proche_dm: [],
    qpvs: [],
  };
  for (const { street: s, relation: r } of streets) {
    const [lon, lat] = s.center;
    file.nom.push(s.nom);
    file.commune.push(communeIndex.get(s.insee)!);
    file.lon_e7.push(Math.round(lon * 1e7) - origin[0]);
    file.lat_e7.push(Math.round(lat * 1e7) - origin[1]);
    const [w, so, e, n] = s.bbox;
    // Outwards, never negative (a placement point is on the street, so inside its bbox).
    const out = (d: number) => Math.max(0, Math.ceil(Math.round(d * 1e7) / 100 - 1e-9));
    file.bbox_e5.push(out(lon - w), out(lat - so), out(e - lon), out(n - lat));
    file.statut += LETTER[r.status];
    const distance = r.status === 'limite' ? -1 : dm(r.distance_m);
    file.qpv_ref.push(ref(r.qpv));
    file.distance_dm.push(distance);
    file.marge_dm.push(dm(r.band_m));
    file.longueur_dm.push(dm(r.length_m));
    file.dedans_dm.push(dm(r.inside_m));
    file.limite_dm.push(dm(r.boundary_m));
    file.dedans_geometrique_dm.push(dm(r.geometric_inside_m));
    const nearest = ref(r.nearest);
    const nearestDm = dm(r.nearest_m);
    file.plus_proche.push(nearest !== -1 && nearest === ref(r.qpv) ? -2 : nearest);
    file.plus_proche_dm.push(nearestDm !== -1 && nearestDm === distance ? -2 : nearestDm);
    file.qpvs.push(r.qpvs.map((q) => ref(q)));
  }
  return file;
}

/** The streets, in order (id = position). */
export function decodeStreets(file: StreetIndexFile): IndexedStreetEntry[] {
  const [ox, oy] = file.origin_e7;
  return file.nom.map((nom, i) => {
    const lon = (ox + file.lon_e7[i]!) / 1e7;
    const lat = (oy + file.lat_e7[i]!) / 1e7;
    const b = file.bbox_e5.slice(i * 4, i * 4 + 4);
    return {
      nom,
      insee: file.communes[file.commune[i]!]![0],
      center: [lon, lat],
      bbox: [lon - b[0]! / 1e5, lat - b[1]! / 1e5, lon + b[2]! / 1e5, lat + b[3]! / 1e5],
    };
  });
}

/** The precomputed relation of street `i` (figures to 0.1 m). */
export function decodeStreetRelation(file: StreetIndexFile, i: number): StreetRelation {
  const ref = (k: number): QpvRef | null => {
    const q = k < 0 ? undefined : file.qpv[k];
    return q ? { code: q[0], nom: q[1] } : null;
  };
  const qpv = ref(file.qpv_ref[i]!);
  const distance = file.distance_dm[i]!;
  const nearest = file.plus_proche[i]!;
  const nearestDm = file.plus_proche_dm[i]!;
  const length = file.longueur_dm[i]!;
  const inside = file.dedans_dm[i]!;
  const boundary = file.limite_dm[i]!;
  return {
    status: STATUS[file.statut[i] as 'd' | 'h' | 'l'],
    qpv,
    qpvs: file.qpvs[i]!.map((k) => ref(k)!),
    distance_m: metres(distance),
    band_m: file.marge_dm[i]! / 10,
    length_m: length / 10,
    inside_m: inside / 10,
    boundary_m: boundary / 10,
    outside_m: Math.max(0, length - inside - boundary) / 10,
    geometric_inside_m: file.dedans_geometrique_dm[i]! / 10,
    nearest: nearest === -2 ? qpv : ref(nearest),
    nearest_m: nearestDm === -2 ? metres(distance) : metres(nearestDm),
  };
}
