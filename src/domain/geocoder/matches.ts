// Turning a scored street and a reading into an answer: label, postcode, position (BAN point or street centre) and
// the French note on the precision; the order of equally good answers.

import { FOCUS_INSEE } from '../../territory/territory';
import { findNumber, interpolateOnStreet } from './house-numbers';
import type { GeocodeMatch, IndexedStreet, Reading, Street } from './types';

export const postcodeFor = (street: Street, typed: string | null): string | null => {
  if (typed && street.codes_postaux.includes(typed)) return typed;
  return street.codes_postaux.length === 1 ? street.codes_postaux[0]! : null;
};

export const makeMatch = (
  street: IndexedStreet,
  score: number,
  reading: Reading,
  postcode: string | null,
): GeocodeMatch => {
  const cp = postcodeFor(street, postcode);
  const numero =
    reading.numero === null ? null : `${reading.numero}${reading.suffix ? ` ${reading.suffix}` : ''}`;
  const place = `${cp ? `${cp} ` : ''}${street.commune}${street.zone ? ` (${street.zone})` : ''}`;
  const label = `${numero ? `${numero} ` : ''}${street.nom}, ${place}`;
  let precision: GeocodeMatch['precision'] = 'voie';
  let position = street.center;
  let note: string | null = null;
  if (reading.numero !== null && street.numbers) {
    const numbers = street.numbers;
    const exact = findNumber(numbers, reading.numero, reading.suffix);
    const alternative =
      reading.suffix === 'b' || reading.suffix === 'bis'
        ? findNumber(numbers, reading.numero, reading.suffix === 'b' ? 'bis' : 'b')
        : undefined;
    const plain = findNumber(numbers, reading.numero, null);
    const found = exact ?? alternative ?? plain;
    const between = found ? null : interpolateOnStreet(numbers, reading.numero);
    if (found) {
      precision = 'adresse';
      position = found;
      if (!exact && !alternative)
        note = `Le ${numero} n’est pas dans la Base Adresse Nationale : position du n° ${reading.numero}.`;
    } else if (between) {
      precision = 'adresse interpolée';
      position = between.position;
      note = `Le n° ${numero} n’est pas dans la Base Adresse Nationale : position interpolée entre le ${between.below} et le ${between.above} du même côté de la rue.`;
    } else {
      note = `Le n° ${numero} n’a pas été trouvé dans la Base Adresse Nationale : la rue entière est prise en compte.`;
    }
  } else if (reading.numero !== null) {
    note = 'Le numéro n’est pas localisé sur cette carte : la rue entière est prise en compte.';
  }
  const match: GeocodeMatch = {
    label,
    precision,
    lon: position[0],
    lat: position[1],
    street,
    numero,
    code_postal: cp,
    score,
    note,
  };
  // A street of a partly covered commune may not be the one meant: the verdict is never firm (../check-address.ts).
  if (street.partie) match.partie = street.partie;
  return match;
};

export const compareMatches = (a: GeocodeMatch, b: GeocodeMatch) =>
  b.score - a.score ||
  Number(b.street.insee === FOCUS_INSEE) - Number(a.street.insee === FOCUS_INSEE) ||
  a.street.nom.localeCompare(b.street.nom, 'fr') ||
  a.street.commune.localeCompare(b.street.commune, 'fr');
