// Normalisation of what residents type (src/domain/normalize.ts).
import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  isHouseNumber,
  isPostcode,
  normalizeText,
  streetKey,
  tokenize,
  tokenizeQuery,
} from '../../src/domain/normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['Allée de l’Union', 'allee de l union'],
    ['Marcq-en-Barœul', 'marcq en baroeul'],
    ['  RUE   BLANCHE ,59170 ', 'rue blanche 59170'],
    ['12bis', '12 bis'],
    ['Chéreng', 'chereng'],
    ['Rue Saint-Pierre', 'rue saint pierre'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('tokenize', () => {
  it.each([
    ['12 bis rue du Tonkin Croix', ['12', 'bis', 'rue', 'du', 'tonkin', 'croix']],
    ['r. st pierre', ['rue', 'saint', 'pierre']],
    ['RUE BLANCHE 59170', ['rue', 'blanche', '59170']],
    ['rue saint pierre, 59170', ['rue', 'saint', 'pierre', '59170']],
    ['rue saint-pierre', ['rue', 'saint', 'pierre']],
    ['Rue Paul Lafargue 43', ['rue', 'paul', 'lafargue', '43']],
    ['av. du gal de gaulle', ['avenue', 'du', 'general', 'de', 'gaulle']],
    ['bd de paris', ['boulevard', 'de', 'paris']],
    ['pl. de la république', ['place', 'de', 'la', 'republique']],
    ['chem. des prés', ['chemin', 'des', 'pres']],
    ['all. des tilleuls', ['allee', 'des', 'tilleuls']],
    ['imp. ste anne', ['impasse', 'sainte', 'anne']],
    ['sq. leman', ['square', 'leman']],
    ['12 b rue x', ['12', 'b', 'rue', 'x']],
    ['12 r blanche', ['12', 'rue', 'blanche']],
  ])('%s', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it('keeps the raw word for prefix matching while typing', () => {
    expect(tokenizeQuery('all')).toEqual([{ raw: 'all', words: ['allee'] }]);
  });

  it('gives the same key with or without accents, hyphens and abbreviations', () => {
    expect(streetKey('Rue Saint-Pierre')).toBe(streetKey('r st pierre'));
    expect(streetKey('Allée de l’Union')).toBe(streetKey('ALLEE DE L UNION'));
  });
});

describe('numbers and postcodes', () => {
  it('recognises postcodes and house numbers', () => {
    expect(isPostcode('59170')).toBe(true);
    expect(isPostcode('1234')).toBe(false);
    expect(isPostcode('00100')).toBe(false);
    expect(isHouseNumber('12')).toBe(true);
    expect(isHouseNumber('0')).toBe(false);
    expect(isHouseNumber('59170')).toBe(false);
  });

  it('bounds the edit distance', () => {
    expect(boundedEditDistance('chevreuil', 'chevreul', 2)).toBe(1);
    expect(boundedEditDistance('lafarge', 'lafargue', 1)).toBe(1);
    expect(boundedEditDistance('abc', 'xyzabc', 1)).toBe(2);
  });
});
