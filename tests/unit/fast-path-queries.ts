// Deterministic queries for the geocoder fast-path equivalence test (tests/unit/geocoder-fast-path.test.ts):
// real street names of data/roads.geojson, with and without house numbers, abbreviations, accents dropped,
// capitals, typos, commune or postcode in various places, plus structured (file-like) queries and prefixes.
import { readFileSync } from 'node:fs';
import type { AddressCheck } from '../../src/domain/check-address.ts';
import type { StructuredAddress } from '../../src/domain/geocoder.ts';

export type EquivalenceQuery =
  | { kind: 'text'; q: string }
  | { kind: 'structured'; q: StructuredAddress }
  | { kind: 'suggest'; q: string };

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/^Rue /, 'r. '],
  [/^Avenue /, 'av '],
  [/^Boulevard /, 'bd '],
  [/^Place /, 'pl. '],
  [/^Allée /, 'all '],
  [/^Impasse /, 'imp '],
  [/^Chemin /, 'ch. '],
  [/Saint-/, 'St '],
  [/Sainte-/, 'Ste '],
  [/Général /, 'Gal '],
  [/Docteur /, 'Dr '],
];

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

function typo(name: string, random: () => number): string {
  const words = name.split(' ');
  let longest = 0;
  for (let i = 1; i < words.length; i++) if (words[i]!.length > words[longest]!.length) longest = i;
  const w = words[longest]!;
  if (w.length < 5) return name;
  const at = 1 + Math.floor(random() * (w.length - 2));
  const kind = Math.floor(random() * 3);
  const changed =
    kind === 0
      ? w.slice(0, at) + w.slice(at + 1)
      : kind === 1
        ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
        : `${w.slice(0, at)}x${w.slice(at + 1)}`;
  words[longest] = changed;
  return words.join(' ');
}

/**
 * `count` street samples × several variants each (≈ 9 queries per street), always the same for the same data.
 *
 * @example
 * generateQueries(300).length; // → ≈ 2 700
 */
export function generateQueries(count: number): EquivalenceQuery[] {
  const roads = JSON.parse(readFileSync('data/roads.geojson', 'utf8')) as {
    features: { properties: { nom: string | null; insee: string | null } }[];
  };
  const communes = JSON.parse(readFileSync('data/communes.geojson', 'utf8')) as {
    features: { properties: { insee: string; nom: string; codes_postaux: string[] } }[];
  };
  const byInsee = new Map(communes.features.map((f) => [f.properties.insee, f.properties]));
  const streets = [
    ...new Set(
      roads.features
        .filter((f) => f.properties.nom && f.properties.insee && byInsee.has(f.properties.insee))
        .map((f) => `${f.properties.nom}|${f.properties.insee}`),
    ),
  ].sort();
  const random = prng(20_240_607);
  const out: EquivalenceQuery[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const otherCommunes = communes.features.map((f) => f.properties);
  for (let k = 0; k < count; k++) {
    const [nom, insee] = streets[Math.floor(random() * streets.length)]!.split('|') as [string, string];
    const commune = byInsee.get(insee)!;
    const cp = commune.codes_postaux[0] ?? '';
    const n = 1 + Math.floor(random() * 180);
    const suffix = pick(['', '', '', ' bis', ' b', ' ter', 'A']);
    let abbreviated = nom;
    for (const [from, to] of ABBREVIATIONS) abbreviated = abbreviated.replace(from, to);
    out.push({ kind: 'text', q: `${n}${suffix} ${nom}, ${cp} ${commune.nom}` });
    out.push({ kind: 'text', q: `${nom} ${commune.nom}` });
    out.push({ kind: 'text', q: `${stripAccents(abbreviated).toUpperCase()} ${cp}` });
    out.push({ kind: 'text', q: `${n} ${typo(nom, random)} ${commune.nom}` });
    out.push({ kind: 'text', q: `${nom} ${n}${suffix}` });
    out.push({ kind: 'text', q: `${cp} ${commune.nom} ${n} ${abbreviated.toLowerCase()}` });
    out.push({ kind: 'text', q: `${n} ${nom} ${pick(otherCommunes).nom}` });
    out.push({
      kind: 'structured',
      q: {
        numero: pick([String(n), n, `${n} bis`, '', null]),
        voie: pick([nom, abbreviated, stripAccents(nom), typo(nom, random), ` ${nom.toUpperCase()} `]),
        code_postal: pick([cp, cp, '', null, '59000', '75001']),
        commune: pick([commune.nom, commune.nom, stripAccents(commune.nom).toUpperCase(), '', null]),
      },
    });
    if (k % 4 === 0) out.push({ kind: 'suggest', q: nom.slice(0, 3 + Math.floor(random() * nom.length)) });
  }
  // Edge cases: empty, numbers only, communes only, unknown words, outside communes.
  for (const q of [
    '',
    '   ',
    '12',
    'Croix',
    '59170 Croix',
    'xqzw',
    'rue de la paix Marseille',
    '12 rue Chevreul 75001',
    'rue blanche 12 bis',
    '12 bis rue du Tonkin Croix',
    'rue paul lafarge croix',
    'Rue Saint-Pierre, 59170',
    'rue de roubaix roubaix',
    'rue de lille',
    'avenue',
    'rue',
    '0 rue blanche croix',
    '99999 rue blanche',
  ]) {
    out.push({ kind: 'text', q });
  }
  out.push({ kind: 'structured', q: { numero: 12, voie: '', code_postal: '59170', commune: 'Croix' } });
  out.push({ kind: 'structured', q: { voie: 'rue blanche' } });
  return out;
}

/** A check as plain data: streets by id (their geometry is the index's, not the answer's). */
export function plainCheck(check: AddressCheck): unknown {
  return {
    ...check,
    candidates: check.candidates?.map((c) => ({ ...c, street: c.street.id })),
  };
}
