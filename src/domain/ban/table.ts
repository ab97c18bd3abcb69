// The compact, columnar table of Base Adresse Nationale points kept by the app (browser IndexedDB, `data/ban/*.bin`,
// CLI memory). One row per address, sorted by street (streets sorted by commune then name), then number, then
// suffix; the street of a row is given by `streetStart` offsets. Positions are Int32 at 1e-7° (≈ 1 cm), so a row
// costs 14 bytes and the whole Nord (≈ 1.1 M addresses) fits in ≈ 16 MB.
// Its binary form (`encodeBanTable`, `decodeBanTable`) is in ./binary.ts.

/** A street (voie) of the BAN table. */
export interface BanStreet {
  nom: string;
  insee: string;
  code_postal: string;
}

/** BAN address points of some communes, columnar. */
export interface BanTable {
  /** Date of the BAN file (ISO `AAAA-MM-JJ`), as given by the file. */
  date: string;
  /** Name of the file(s) read. */
  source: string;
  /** INSEE codes of the communes present, sorted. */
  communes: string[];
  streets: BanStreet[];
  /** Rows of street `s` are `streetStart[s]` to `streetStart[s + 1] - 1`. */
  streetStart: Uint32Array;
  numero: Uint32Array;
  /** 0 = no suffix, else index + 1 in {@link BanTable.suffixes}. */
  suffix: Uint8Array;
  /** Suffixes as written in the file, lower case (« bis », « b », « ter »…). */
  suffixes: string[];
  /** Longitude × 1e7. */
  lon: Int32Array;
  /** Latitude × 1e7. */
  lat: Int32Array;
  /** Index in {@link BanTable.positions}. */
  position: Uint8Array;
  /** BAN `type_position` values (« entrée », « segment »…). */
  positions: string[];
}

/** One address read from a BAN file. */
export interface BanRecord {
  numero: number;
  rep: string;
  nom_voie: string;
  code_postal: string;
  code_insee: string;
  lon: number;
  lat: number;
  type_position: string;
}

export const E7 = 1e7;

/** The per-row columns of a table of `n` rows, zeroed. */
function rowColumns(n: number): Pick<BanTable, 'numero' | 'suffix' | 'lon' | 'lat' | 'position'> {
  return {
    numero: new Uint32Array(n),
    suffix: new Uint8Array(n),
    lon: new Int32Array(n),
    lat: new Int32Array(n),
    position: new Uint8Array(n),
  };
}

/** Number of address rows. */
export function banRowCount(table: BanTable): number {
  return table.numero.length;
}

/** Row `i` as a record (tests, exports). */
export function banRecord(table: BanTable, street: number, i: number): BanRecord {
  const s = table.streets[street]!;
  const suffix = table.suffix[i]!;
  return {
    numero: table.numero[i]!,
    rep: suffix === 0 ? '' : table.suffixes[suffix - 1]!,
    nom_voie: s.nom,
    code_postal: s.code_postal,
    code_insee: s.insee,
    lon: table.lon[i]! / E7,
    lat: table.lat[i]! / E7,
    type_position: table.positions[table.position[i]!] ?? '',
  };
}

/** Growable column. */
class Column<T extends Uint32Array | Int32Array | Uint8Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(4096);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Collects BAN records in any order and builds the sorted table. Memory: ≈ 18 bytes per row while collecting.
 *
 * @example
 * const builder = new BanTableBuilder();
 * builder.add({ numero: 12, rep: '', nom_voie: 'Rue Chevreul', code_postal: '59170', code_insee: '59163', lon: 3.15, lat: 50.68, type_position: 'entrée' });
 * builder.build('2026-11-30', 'adresses-59.csv.gz').streets.length; // → 1
 */
export class BanTableBuilder {
  private readonly streetIds = new Map<string, number>();
  private readonly streets: BanStreet[] = [];
  private readonly suffixIds = new Map<string, number>();
  private readonly positionIds = new Map<string, number>();
  private readonly street = new Column((n) => new Uint32Array(n));
  private readonly numero = new Column((n) => new Uint32Array(n));
  private readonly suffix = new Column((n) => new Uint8Array(n));
  private readonly lon = new Column((n) => new Int32Array(n));
  private readonly lat = new Column((n) => new Int32Array(n));
  private readonly position = new Column((n) => new Uint8Array(n));

  get size(): number {
    return this.numero.length;
  }

  add(r: BanRecord): void {
    const key = `${r.code_insee}\u0000${r.nom_voie}`;
    let id = this.streetIds.get(key);
    if (id === undefined) {
      id = this.streets.length;
      this.streets.push({ nom: r.nom_voie, insee: r.code_insee, code_postal: r.code_postal });
      this.streetIds.set(key, id);
    }
    this.street.push(id);
    this.numero.push(r.numero);
    this.suffix.push(r.rep === '' ? 0 : this.intern(this.suffixIds, r.rep.toLowerCase()) + 1);
    this.lon.push(Math.round(r.lon * E7));
    this.lat.push(Math.round(r.lat * E7));
    this.position.push(this.intern(this.positionIds, r.type_position));
  }

  private intern(map: Map<string, number>, value: string): number {
    let id = map.get(value);
    if (id === undefined) {
      id = map.size;
      if (id > 254) throw new RangeError('Trop de valeurs distinctes (suffixes ou types de position).');
      map.set(value, id);
    }
    return id;
  }

  /** Sorts the rows (streets by commune then name, rows by number, suffix, position) and returns the table. */
  build(date: string, source: string): BanTable {
    const n = this.size;
    const order = this.streets
      .map((s, id) => ({ s, id }))
      .sort(
        (a, b) => cmp(a.s.insee, b.s.insee) || cmp(a.s.nom, b.s.nom) || cmp(a.s.code_postal, b.s.code_postal),
      );
    const newId = new Uint32Array(this.streets.length);
    order.forEach((o, i) => {
      newId[o.id] = i;
    });
    // Sorted dictionaries: the same file always gives the same bytes.
    const suffixes = [...this.suffixIds.keys()].sort(cmp);
    const suffixMap = new Uint8Array(this.suffixIds.size + 1);
    for (const [value, id] of this.suffixIds) suffixMap[id + 1] = suffixes.indexOf(value) + 1;
    const positions = [...this.positionIds.keys()].sort(cmp);
    const positionMap = new Uint8Array(Math.max(1, this.positionIds.size));
    for (const [value, id] of this.positionIds) positionMap[id] = positions.indexOf(value);

    // Counting sort by street, then each street's rows by number, suffix, position, lon, lat.
    const streetStart = new Uint32Array(this.streets.length + 1);
    const rowStreet = this.street.data;
    for (let i = 0; i < n; i++) streetStart[newId[rowStreet[i]!]! + 1]!++;
    for (let s = 0; s < this.streets.length; s++) streetStart[s + 1]! += streetStart[s]!;
    const fill = streetStart.slice(0, this.streets.length);
    const perm = new Uint32Array(n);
    for (let i = 0; i < n; i++) perm[fill[newId[rowStreet[i]!]!]!++] = i;
    const num = this.numero.data;
    const suf = this.suffix.data;
    const pos = this.position.data;
    const lon = this.lon.data;
    const lat = this.lat.data;
    const rowCmp = (a: number, b: number) =>
      num[a]! - num[b]! ||
      suffixMap[suf[a]!]! - suffixMap[suf[b]!]! ||
      positionMap[pos[a]!]! - positionMap[pos[b]!]! ||
      lon[a]! - lon[b]! ||
      lat[a]! - lat[b]!;
    for (let s = 0; s < this.streets.length; s++) {
      const part = perm.subarray(streetStart[s]!, streetStart[s + 1]!);
      part.sort(rowCmp);
    }
    const table: BanTable = {
      date,
      source,
      communes: [...new Set(this.streets.map((s) => s.insee))].sort(cmp),
      streets: order.map((o) => o.s),
      streetStart,
      suffixes,
      positions,
      ...rowColumns(n),
    };
    for (let k = 0; k < n; k++) {
      const i = perm[k]!;
      table.numero[k] = num[i]!;
      table.suffix[k] = suffixMap[suf[i]!]!;
      table.lon[k] = lon[i]!;
      table.lat[k] = lat[i]!;
      table.position[k] = positionMap[pos[i]!]!;
    }
    return table;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Merges tables of disjoint communes (shards of `data/ban/`) into one.
 *
 * @example
 * mergeBanTables([croix, roubaix]).communes; // → ['59163', '59512']
 */
export function mergeBanTables(tables: readonly BanTable[]): BanTable | null {
  if (tables.length === 0) return null;
  if (tables.length === 1) return tables[0]!;
  const sorted = [...tables].sort((a, b) => cmp(a.communes[0] ?? '', b.communes[0] ?? ''));
  const suffixes = [...new Set(sorted.flatMap((t) => t.suffixes))].sort(cmp);
  const positions = [...new Set(sorted.flatMap((t) => t.positions))].sort(cmp);
  const n = sorted.reduce((sum, t) => sum + t.numero.length, 0);
  const streets = sorted.flatMap((t) => t.streets);
  const out: BanTable = {
    date: sorted.map((t) => t.date).sort(cmp)[sorted.length - 1]!,
    source: [...new Set(sorted.map((t) => t.source))].join(', '),
    communes: [...new Set(sorted.flatMap((t) => t.communes))].sort(cmp),
    streets,
    streetStart: new Uint32Array(streets.length + 1),
    suffixes,
    positions,
    ...rowColumns(n),
  };
  let row = 0;
  let street = 0;
  for (const t of sorted) {
    const sufMap = [0, ...t.suffixes.map((v) => suffixes.indexOf(v) + 1)];
    const posMap = t.positions.map((v) => positions.indexOf(v));
    for (let s = 0; s < t.streets.length; s++) out.streetStart[street + s] = row + t.streetStart[s]!;
    out.numero.set(t.numero, row);
    out.lon.set(t.lon, row);
    out.lat.set(t.lat, row);
    for (let i = 0; i < t.numero.length; i++) {
      out.suffix[row + i] = sufMap[t.suffix[i]!]!;
      out.position[row + i] = posMap[t.position[i]!] ?? 0;
    }
    row += t.numero.length;
    street += t.streets.length;
  }
  out.streetStart[streets.length] = row;
  return out;
}

/**
 * Splits a table into one table per commune (`data/ban/<insee>.bin`).
 *
 * @example
 * splitBanTable(table).get('59163')?.communes; // → ['59163']
 */
export function splitBanTable(table: BanTable): Map<string, BanTable> {
  const out = new Map<string, BanTable>();
  let s = 0;
  while (s < table.streets.length) {
    const insee = table.streets[s]!.insee;
    let e = s;
    while (e < table.streets.length && table.streets[e]!.insee === insee) e++;
    const r0 = table.streetStart[s]!;
    const r1 = table.streetStart[e]!;
    const streetStart = new Uint32Array(e - s + 1);
    for (let k = s; k <= e; k++) streetStart[k - s] = table.streetStart[k]! - r0;
    out.set(insee, {
      date: table.date,
      source: table.source,
      communes: [insee],
      streets: table.streets.slice(s, e),
      streetStart,
      numero: table.numero.slice(r0, r1),
      suffix: table.suffix.slice(r0, r1),
      suffixes: table.suffixes,
      lon: table.lon.slice(r0, r1),
      lat: table.lat.slice(r0, r1),
      position: table.position.slice(r0, r1),
      positions: table.positions,
    });
    s = e;
  }
  return out;
}
