// Guard of `data/streets.json` (./street-index-file.ts): its header (area, coverage, communes, QPV table, names)
// as a valibot schema, then the integer columns (one value per street, thousands of streets) and the figures of
// each street by loops. French messages naming the column or the street.
import * as v from 'valibot';
import { isBBox } from './data-guards.ts';
import type { BBox, GuardResult } from './data-types';
import type { StreetIndexFile } from './street-index-file';

const isInt = (value: unknown): value is number => Number.isInteger(value);
const box = (message: string) => v.custom<BBox>(isBBox, message);
const COVERAGE = 'coverage invalide';
const COMMUNES = 'communes invalides';
const QPV = 'table qpv invalide';
const NAMES = 'noms invalides';
const strings = (message: string) => v.array(v.string(message), message);

const Header = v.object(
  {
    area: box('area invalide'),
    coverage: v.object(
      {
        bbox: box(COVERAGE),
        reach_m: v.pipe(v.number(COVERAGE), v.finite(COVERAGE)),
        qpv: strings(COVERAGE),
        shards: strings(COVERAGE),
      },
      COVERAGE,
    ),
    // [insee, nom, codes postaux, coverage?, covered side?]
    communes: v.pipe(
      v.array(v.looseTuple([v.string(COMMUNES), v.string(COMMUNES), strings(COMMUNES)], COMMUNES), COMMUNES),
      v.nonEmpty(COMMUNES),
    ),
    qpv: v.array(v.strictTuple([v.string(QPV), v.string(QPV)], QPV), QPV),
    nom: v.pipe(
      strings(NAMES),
      v.check((names) => !names.includes(''), NAMES),
    ),
  },
  'objet attendu',
);

const INT_COLUMNS = [
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
] as const;

/** Guard for `data/streets.json`: shapes, column lengths, references, figures that add up. */
export function checkStreetIndexFile(value: unknown): GuardResult {
  const fail = (error: string): GuardResult => ({ ok: false, error: `streets.json : ${error}` });
  const header = v.safeParse(Header, Array.isArray(value) ? null : value, { abortEarly: true });
  if (!header.success) {
    const [issue] = header.issues;
    const key = issue.path?.map((item) => String(item.key)).join('.');
    // A key that is not there: the object's own message would only say « objet attendu ».
    return fail(
      issue.type === 'object' && issue.input === undefined && key ? `${key} absent` : issue.message,
    );
  }
  const f = value as Record<string, unknown>;
  const n = header.output.nom.length;
  for (const key of INT_COLUMNS) {
    const col = f[key];
    if (!Array.isArray(col) || col.length !== n || !col.every(isInt)) return fail(`colonne ${key} invalide`);
  }
  if (!Array.isArray(f.origin_e7) || f.origin_e7.length !== 2 || !f.origin_e7.every(isInt))
    return fail('origine');
  if (!Array.isArray(f.bbox_e5) || f.bbox_e5.length !== 4 * n || !f.bbox_e5.every((x) => isInt(x) && x >= 0))
    return fail('bbox_e5 invalide');
  if (typeof f.statut !== 'string' || f.statut.length !== n || !/^[dhl]*$/.test(f.statut))
    return fail('statut invalide');
  if (!Array.isArray(f.qpvs) || f.qpvs.length !== n) return fail('qpvs invalide');
  const file = f as unknown as StreetIndexFile;
  const nQpv = file.qpv.length;
  const ref = (k: number, same: boolean) => (k >= -1 || (same && k === -2)) && k < nQpv;
  for (let i = 0; i < n; i++) {
    const bad = (what: string) => fail(`rue ${i} (${file.nom[i]}) : ${what}`);
    if (!(file.commune[i]! >= 0 && file.commune[i]! < file.communes.length)) return bad('commune');
    if (!ref(file.qpv_ref[i]!, false) || !ref(file.plus_proche[i]!, true)) return bad('référence de QPV');
    if (!Array.isArray(file.qpvs[i]) || !file.qpvs[i]!.every((k) => isInt(k) && k >= 0 && k < nQpv))
      return bad('qpvs');
    const [length, inside, boundary] = [file.longueur_dm[i]!, file.dedans_dm[i]!, file.limite_dm[i]!];
    if (length < 0 || inside < 0 || boundary < 0 || inside + boundary > length + 2)
      return bad('dedans + limite > longueur');
    if (file.statut[i] === 'd' && (file.qpv_ref[i] === -1 || file.distance_dm[i]! < 0))
      return bad('« dans » sans QPV ni distance');
  }
  return { ok: true };
}
