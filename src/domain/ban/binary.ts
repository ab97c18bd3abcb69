// The binary form of a BAN table (./table.ts): what `data/ban/*.bin` and the browser's IndexedDB hold.
//
// Binary layout (little-endian, as typed arrays on every platform the app targets):
//   "PBAN" | u32 version | u32 header length H | H bytes of JSON header | zero padding to a multiple of 4 |
//   streetStart u32 × (S + 1) | numero u32 × N | lon i32 × N | lat i32 × N | suffix u8 × N | position u8 × N
import type { BanTable } from './table.ts';

const MAGIC = 0x4e414250; // "PBAN" read as a little-endian u32
const VERSION = 1;

interface Header {
  date: string;
  source: string;
  rows: number;
  communes: string[];
  /** [nom, insee, code_postal] */
  streets: [string, string, string][];
  suffixes: string[];
  positions: string[];
}

/**
 * Serialises a table to its binary form (deterministic: same table, same bytes).
 *
 * @example
 * decodeBanTable(encodeBanTable(table)).numero.length === table.numero.length; // → true
 */
export function encodeBanTable(table: BanTable): Uint8Array {
  const header: Header = {
    communes: table.communes,
    date: table.date,
    positions: table.positions,
    rows: table.numero.length,
    source: table.source,
    streets: table.streets.map((s) => [s.nom, s.insee, s.code_postal]),
    suffixes: table.suffixes,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align4(12 + json.length);
  const n = table.numero.length;
  const s = table.streetStart.length;
  const total = start + 4 * s + 12 * n + align4(2 * n);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  let at = start;
  const put = (a: Uint32Array | Int32Array | Uint8Array) => {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  };
  put(table.streetStart);
  put(table.numero);
  put(table.lon);
  put(table.lat);
  put(table.suffix);
  put(table.position);
  return bytes;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Thrown for bytes that are not a BAN table of this version. */
export class BanTableFormatError extends Error {}

/**
 * Reads the binary form back. The typed arrays are views on `buffer` (no copy).
 *
 * @example
 * const table = decodeBanTable(bytes); // bytes from IndexedDB or `data/ban/59163.bin`
 */
export function decodeBanTable(input: ArrayBuffer | Uint8Array): BanTable {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // Typed-array views need 4-byte aligned offsets: copy when the input is not aligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  if (aligned.byteLength < 12 || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) {
    throw new BanTableFormatError('Table d’adresses illisible (format inconnu).');
  }
  const length = view.getUint32(8, true);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(aligned.subarray(12, 12 + length))) as Header;
  } catch {
    throw new BanTableFormatError('Table d’adresses illisible (en-tête).');
  }
  const n = header.rows;
  const s = header.streets.length + 1;
  let at = aligned.byteOffset + align4(12 + length);
  const end = aligned.byteOffset + aligned.byteLength;
  if (at + 4 * s + 14 * n > end) throw new BanTableFormatError('Table d’adresses tronquée.');
  const take = <T>(make: (b: ArrayBufferLike, o: number, l: number) => T, count: number, size: number): T => {
    const out = make(aligned.buffer, at, count);
    at += count * size;
    return out;
  };
  const streetStart = take((b, o, l) => new Uint32Array(b, o, l), s, 4);
  const numero = take((b, o, l) => new Uint32Array(b, o, l), n, 4);
  const lon = take((b, o, l) => new Int32Array(b, o, l), n, 4);
  const lat = take((b, o, l) => new Int32Array(b, o, l), n, 4);
  const suffix = take((b, o, l) => new Uint8Array(b, o, l), n, 1);
  const position = take((b, o, l) => new Uint8Array(b, o, l), n, 1);
  if (streetStart[s - 1] !== n) throw new BanTableFormatError('Table d’adresses incohérente.');
  return {
    date: header.date,
    source: header.source,
    communes: header.communes,
    streets: header.streets.map(([nom, insee, code_postal]) => ({ nom, insee, code_postal })),
    streetStart,
    numero,
    suffix,
    suffixes: header.suffixes,
    lon,
    lat,
    position,
    positions: header.positions,
  };
}
