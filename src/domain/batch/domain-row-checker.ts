// The RowChecker backed by the project's domain code: addresses go through `checkAddress`, coordinates through
// `checkPoint` (src/domain/check-address.ts) — the same functions as the resident search, so that a row of a file
// and an address typed on the map always get the same answer, with the same French reason.

import type { BanTable } from '../ban/table.ts';
import { type AddressCheck, checkAddress, checkPoint, GEOGRAPHY } from '../check-address.ts';
import { type CheckContext, createCheckContext } from '../check-context.ts';
import type { AddressTable, CommuneCollection, QpvCollection, RoadCollection } from '../data-types.ts';
import type { StreetIndexFile } from '../street-index-file.ts';
import type { RowQuery } from './column-mapping.ts';
import { PRECISION_FILE_POINT, type RowChecker, type RowVerdict } from './row-checker.ts';

/**
 * The datasets the checker needs, loaded by the caller: every QPV outline, and the road centre-lines and communes
 * (fs in Node) or the compact street index (data/streets.json, the browser's worker).
 */
export interface BatchData {
  qpv: QpvCollection;
  roads?: RoadCollection;
  communes?: CommuneCollection;
  streetIndex?: StreetIndexFile;
  /** With `streetIndex`: `qpv` holds only the covered area's shards (./check-address.ts, `partial`). */
  partial?: boolean;
  addresses: AddressTable | null;
  /** BAN points (browser import, `data/ban/`, CLI `--ban`): house-number answers. */
  ban?: BanTable | null;
}

/** Distinct queries remembered by one checker. */
const MEMO_LIMIT = 50_000;

/** The geography stamp of every verdict and export, the same as the resident search's. */
export const GEOGRAPHY_VERSION = `${GEOGRAPHY.nom}, ${GEOGRAPHY.decret}`;

/**
 * Flattens a domain answer into a row verdict. A `hors` row carries no QPV code (the nearest one is in the motif).
 *
 * @example
 * toRowVerdict(checkAddress(ctx, '43 Rue Paul Lafargue Croix')).qpvCode; // 'QN05980M'
 */
export function toRowVerdict(check: AddressCheck): RowVerdict {
  const qpv = check.status === 'hors' ? undefined : check.qpv;
  return {
    status: check.status,
    qpvCode: qpv?.code ?? '',
    qpvNom: qpv?.nom ?? '',
    precision: check.precision ?? '',
    label: check.status === 'introuvable' ? '' : check.label,
    lon: check.lon,
    lat: check.lat,
    distanceM: check.distance_m === undefined ? null : Math.round(check.distance_m * 10) / 10,
    motif: check.motif,
    ...(check.approximate ? { approximate: true } : {}),
  };
}

/**
 * Checks one query against a context built once.
 *
 * @example
 * checkQuery(ctx, { kind: 'point', lon: 3.176018, lat: 50.6905 }).precision; // 'coordonnées du fichier'
 */
export function checkQuery(ctx: CheckContext, query: RowQuery): RowVerdict {
  switch (query.kind) {
    case 'point': {
      const verdict = toRowVerdict(
        checkPoint(ctx, [query.lon, query.lat], { label: 'Coordonnées du fichier' }),
      );
      return verdict.precision === '' ? verdict : { ...verdict, precision: PRECISION_FILE_POINT };
    }
    case 'texte':
      return toRowVerdict(checkAddress(ctx, query.text));
    case 'champs':
      return toRowVerdict(
        checkAddress(ctx, {
          numero: query.housenumber || null,
          voie: query.street,
          code_postal: query.postcode ?? null,
          commune: query.city ?? null,
        }),
      );
  }
}

const optional = (value: string | undefined) => (value === undefined ? '\u0001' : value);

/** A key per distinct query, without `JSON.stringify` (per row); \u0000 cannot occur in a CSV or XLSX cell. */
function memoKey(query: RowQuery): string {
  switch (query.kind) {
    case 'point':
      return `p\u0000${query.lon}\u0000${query.lat}`;
    case 'texte':
      return `t\u0000${query.text}\u0000${optional(query.postcode)}\u0000${optional(query.city)}`;
    case 'champs':
      return `c\u0000${query.housenumber}\u0000${query.street}\u0000${optional(query.postcode)}\u0000${optional(query.city)}`;
  }
}

/** FNV-1a step over the characters of `text`, then a separator (a missing field hashes as a lone separator). */
function hashText(h: number, text: string | undefined): number {
  if (text !== undefined)
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ (text === undefined ? 0x10001 : 0x10000), 0x01000193);
}

const coordinate = new Float64Array(1);
const coordinateWords = new Uint32Array(coordinate.buffer);

function hashNumber(h: number, value: number): number {
  coordinate[0] = value;
  h = Math.imul(h ^ coordinateWords[0]!, 0x01000193);
  return Math.imul(h ^ coordinateWords[1]!, 0x01000193);
}

/** A 32-bit hash of a query (the fields of its memo key), built without a string. */
function queryHash(query: RowQuery): number {
  const h = 0x811c9dc5;
  switch (query.kind) {
    case 'point':
      return hashNumber(hashNumber(h ^ 1, query.lon), query.lat);
    case 'texte':
      return hashText(hashText(hashText(h ^ 2, query.text), query.postcode), query.city);
    case 'champs':
      return hashText(
        hashText(hashText(hashText(h ^ 3, query.housenumber), query.street), query.postcode),
        query.city,
      );
  }
}

/** Bits of the « seen once » filter (512 kB), and the first sightings after which it is emptied (≤ 12 % full). */
const SEEN_BITS = 22;
const SEEN_RESET = 1 << 19;

/**
 * Creates the checker from loaded data (builds the QPV index and the geocoder once, ≈ 0.2 s).
 *
 * @example
 * const checker = createDomainRowChecker(data);
 * checker.check({ kind: 'texte', text: '43 Rue Paul Lafargue 59170 Croix' }).status; // 'dans' | 'limite' | …
 */
export function createDomainRowChecker(data: BatchData): RowChecker {
  const ctx = createCheckContext(data);
  // Beneficiaries' files repeat addresses (households, residences): answer each distinct query once. Bounded so
  // that a 200 000-row file of distinct addresses cannot grow it without limit.
  const memo = new Map<string, RowVerdict>();
  // A verdict is remembered from the second time its query is seen: a file of distinct addresses then keeps no key
  // and no verdict alive (the CLI streams its rows; every verdict kept is copied by the garbage collector), and
  // builds no key string. The first sightings are marked in a bit set by hash; a collision only remembers a verdict
  // one sighting early. The answers are the same: a query always gets the same verdict from one context.
  const seen = new Int32Array(1 << (SEEN_BITS - 5));
  let marks = 0;
  return {
    geographyVersion: GEOGRAPHY_VERSION,
    check(query) {
      const bit = queryHash(query) >>> (32 - SEEN_BITS);
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      if ((seen[word]! & mask) === 0) {
        if (marks >= SEEN_RESET) {
          seen.fill(0);
          marks = 0;
        }
        seen[word]! |= mask;
        marks += 1;
        return checkQuery(ctx, query);
      }
      const key = memoKey(query);
      const known = memo.get(key);
      if (known) return known;
      const verdict = checkQuery(ctx, query);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, verdict);
      return verdict;
    },
  };
}
