// BAN addresses (adresse.data.gouv.fr `adresses-59.csv[.gz]`, `;`-separated UTF-8, columns by header name) →
// compact `data/addresses.json` restricted to the communes of data/communes.geojson.

import { ADDRESS_COLUMNS, type AddressRow } from '../../src/domain/data-types';
import { parseCsv } from './csv';
import { DataFileError } from './errors';
import { round } from './geo';
import { gunzip, readSource, stableStringify, utf8 } from './io';

/** The BAN columns we read are exactly the columns we keep (by name, in the order of the compact table). */
const REQUIRED = ADDRESS_COLUMNS;

/** Reads a BAN CSV (plain or gzip) and keeps the rows of the given communes, sorted. */
export function readBan(path: string, communes: Set<string>): { rows: AddressRow[]; bytes: Uint8Array } {
  const bytes = readSource(path);
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzip(bytes, path) : bytes;
  const records = parseCsv(utf8(raw), path, ';', REQUIRED);
  const rows: AddressRow[] = [];
  for (const [i, r] of records.entries()) {
    const insee = r.code_insee ?? '';
    if (!communes.has(insee)) continue;
    const numero = Number(r.numero);
    const lon = Number(r.lon);
    const lat = Number(r.lat);
    if (
      !Number.isFinite(numero) ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat) ||
      r.lon === '' ||
      r.lat === ''
    ) {
      throw new DataFileError(path, `ligne ${i + 2}: numero/lon/lat invalides`);
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
      throw new DataFileError(path, `ligne ${i + 2}: coordonnées hors limites`);
    const rep = (r.rep ?? '').trim();
    rows.push([
      numero,
      rep === '' ? null : rep,
      (r.nom_voie ?? '').trim(),
      (r.code_postal ?? '').trim(),
      insee,
      round(lon, 6),
      round(lat, 6),
      (r.type_position ?? '').trim(),
    ]);
  }
  const key = (r: AddressRow): string =>
    `${r[4]}\u0000${r[2]}\u0000${String(r[0]).padStart(6, '0')}\u0000${r[1] ?? ''}\u0000${r[5]},${r[6]}`;
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { rows, bytes };
}

/** Serialises the table: one row per line. */
export function addressTableText(rows: AddressRow[]): string {
  const head = `{"columns":${JSON.stringify(ADDRESS_COLUMNS)},"rows":[`;
  if (rows.length === 0) return `${head}]}\n`;
  return `${head}\n${rows.map((r) => stableStringify(r)).join(',\n')}\n]}\n`;
}
