// Offline geocoder over the real data of the area (data/roads.geojson, data/communes.geojson).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AddressTable, CommuneCollection, RoadCollection } from '../../src/domain/data-types.ts';
import { createGeocoder, type Geocoder } from '../../src/domain/geocoder.ts';

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
let geocoder: Geocoder;
let roads: RoadCollection;
let communes: CommuneCollection;

beforeAll(() => {
  roads = read<RoadCollection>('data/roads.geojson');
  communes = read<CommuneCollection>('data/communes.geojson');
  geocoder = createGeocoder({ roads, communes, addresses: null });
});

describe('street index', () => {
  it('groups roads by (nom, insee)', () => {
    const blanche = geocoder.streets.filter((s) => s.nom === 'Rue Blanche');
    expect(blanche.map((s) => s.insee).sort()).toEqual(['59163', '59350', '59599']);
    const croix = blanche.find((s) => s.insee === '59163')!;
    expect(croix.commune).toBe('Croix');
    expect(croix.codes_postaux).toEqual(['59170']);
    expect(croix.lines.length).toBeGreaterThan(0);
  });
});

describe('geocode', () => {
  it.each([
    ['12 bis rue du Tonkin Croix', '12 bis Rue du Tonkin, 59170 Croix'],
    ['RUE BLANCHE 59170', 'Rue Blanche, 59170 Croix'],
    ['rue saint pierre, 59170', 'Rue Saint-Pierre, 59170 Croix'],
    ['r. st pierre croix', 'Rue Saint-Pierre, 59170 Croix'],
    ['Croix rue paul lafargue 43', '43 Rue Paul Lafargue, 59170 Croix'],
    ['43 Rue Paul Lafargue 59170', '43 Rue Paul Lafargue, 59170 Croix'],
    ['rue paul lafargue 43 bis croix', '43 bis Rue Paul Lafargue, 59170 Croix'],
    ['RUE CHEVREUL CROIX', 'Rue Chevreul, 59170 Croix'],
    ['rue blanche croix', 'Rue Blanche, 59170 Croix'],
    ['av jean jaures roubaix', 'Avenue Jean Jaurès, 59100 Roubaix'],
    ['rue blanche lille', 'Rue Blanche, Lille (partie est, dont Hellemmes)'],
  ])('%s → %s', (query, label) => {
    const result = geocoder.geocode(query);
    expect(result.status).toBe('trouve');
    if (result.status === 'trouve') {
      expect(result.match.label).toBe(label);
      expect(result.match.precision).toBe('voie');
    }
  });

  it('corrects a small typo but scores it as uncertain', () => {
    const result = geocoder.geocode('rue paul lafarge croix');
    expect(result.status).toBe('trouve');
    if (result.status === 'trouve') {
      expect(result.match.street.nom).toBe('Rue Paul Lafargue');
      expect(result.match.score).toBeLessThan(0.95);
    }
  });

  it('offers the choice when a street exists in several communes', () => {
    const result = geocoder.geocode('rue blanche');
    expect(result.status).toBe('ambigu');
    if (result.status === 'ambigu') {
      expect(result.candidates.map((c) => c.street.commune).sort()).toEqual(['Croix', 'Lille', 'Tourcoing']);
      expect(result.candidates[0]!.street.commune).toBe('Croix');
      expect(result.motif).toContain('plusieurs communes');
    }
  });

  it.each([
    ['', /Saisissez une adresse/],
    ['   ', /Saisissez une adresse/],
    ['12', /Il manque le nom de la rue/],
    ['qsdfgh qsdf', /Aucune rue ne correspond/],
    ['rue inconnue croix', /Aucune rue « rue inconnue » n’a été trouvée à Croix/],
    ['rue de la paix Marseille', /Cette commune n’est pas couverte : « Marseille »/],
    ['10 rue de la paix 13001', /Le code postal 13001 n’est pas dans la zone couverte/],
    ['croix', /Précisez la rue à Croix/],
  ])('explains a failure: %j', (query, motif) => {
    const result = geocoder.geocode(query);
    expect(result.status).toBe('introuvable');
    if (result.status === 'introuvable') expect(result.motif).toMatch(motif);
  });

  it('says where a street exists when the commune given has none', () => {
    const result = geocoder.geocode('rue saint pierre roubaix');
    expect(result.status).toBe('introuvable');
    if (result.status === 'introuvable') {
      expect(result.motif).toMatch(/Pas de « rue saint pierre » à Roubaix/);
      expect(result.candidates.map((c) => c.street.commune)).toContain('Croix');
    }
  });

  it('accepts a structured address', () => {
    const result = geocoder.geocode({
      numero: 12,
      voie: 'R. du Tonkin',
      code_postal: '59170',
      commune: 'CROIX',
    });
    expect(result.status).toBe('trouve');
    if (result.status === 'trouve') expect(result.match.label).toBe('12 Rue du Tonkin, 59170 Croix');
  });
});

describe('suggest', () => {
  it('completes an unfinished word and lists Croix first among equals', () => {
    const labels = geocoder.suggest('rue bla', 5).map((m) => m.label);
    expect(labels[0]).toBe('Rue Blanche, 59170 Croix');
    expect(labels).toContain('Rue Blanche, 59200 Tourcoing');
  });

  it('reads an abbreviation and a partial commune', () => {
    expect(geocoder.suggest('r. st p', 8).map((m) => m.label)).toContain('Rue Saint-Pierre, 59170 Croix');
    expect(geocoder.suggest('rue blanche cro', 3)[0]!.label).toBe('Rue Blanche, 59170 Croix');
  });

  it('keeps the house number in the suggestions', () => {
    expect(geocoder.suggest('12 rue chev', 3)[0]!.label).toBe('12 Rue Chevreul, 59170 Croix');
  });

  it('returns nothing for an empty query and honours the limit', () => {
    expect(geocoder.suggest('', 5)).toEqual([]);
    expect(geocoder.suggest('rue', 5).length).toBeLessThanOrEqual(5);
  });
});

describe('with BAN address points', () => {
  it('places a known house number at its point (precision adresse) and falls back to the street', () => {
    const addresses: AddressTable = {
      columns: ['numero', 'rep', 'nom_voie', 'code_postal', 'code_insee', 'lon', 'lat', 'type_position'],
      rows: [
        [12, null, 'Rue du Tonkin', '59170', '59163', 3.16001, 50.68201, 'entrée'],
        [12, 'bis', 'Rue du Tonkin', '59170', '59163', 3.16011, 50.68211, 'entrée'],
        [3, null, 'Impasse Imaginaire', '59170', '59163', 3.15, 50.67, 'entrée'],
      ],
    };
    const withBan = createGeocoder({ roads, communes, addresses });
    expect(withBan.hasAddresses).toBe(true);
    const bis = withBan.geocode('12 bis rue du tonkin croix');
    expect(bis.status === 'trouve' && [bis.match.precision, bis.match.lon, bis.match.lat]).toEqual([
      'adresse',
      3.16011,
      50.68211,
    ]);
    const missing = withBan.geocode('14 rue du tonkin croix');
    expect(missing.status === 'trouve' && missing.match.precision).toBe('voie');
    expect(missing.status === 'trouve' && missing.match.note).toMatch(/n’a pas été trouvé/);
    const banOnly = withBan.geocode('3 impasse imaginaire croix');
    expect(banOnly.status === 'trouve' && banOnly.match.precision).toBe('adresse');
  });
});
