// Action model: one row per rule of the schema, each checked to fail with the right field and a French message.
import { describe, expect, it } from 'vitest';
import {
  checkActionsRegister,
  describeErrors,
  isWebUrl,
  parseBudget,
  parseDateBounds,
  validateActionFeature,
  validateActionGeometry,
  validateActionProperties,
} from '../../src/domain/actions/schema.ts';

const VALID = Object.freeze({
  id: 'a-1',
  titre: 'Plantation',
  description: '',
  objectif: 'verdissement',
  enjeux: ['enjeu-5'],
  porteur: 'Ville de Croix',
  type_porteur: 'ville',
  statut: 'projet',
  debut: '2025',
  fin: '2026',
  exemple: false,
});

describe('validateActionProperties', () => {
  it('accepts a complete action and normalises it', () => {
    const result = validateActionProperties({ ...VALID, titre: '  Plantation  ', budget: '12 000,50 €' });
    expect(result).toEqual({ ok: true, value: { ...VALID, budget: 12000.5 } });
  });

  it.each([
    ['titre', { titre: '   ' }, 'Indiquez un titre.'],
    ['titre', { titre: 'x'.repeat(151) }, 'Le titre dépasse 150 caractères.'],
    ['id', { id: 'a b' }, 'L’identifiant'],
    ['objectif', { objectif: 'embellissement' }, 'Objectif inconnu : « embellissement ».'],
    ['objectif', { objectif: '' }, 'Choisissez l’objectif'],
    ['enjeux', { enjeux: [] }, 'Cochez au moins un enjeu'],
    ['enjeux', { enjeux: ['enjeu-7'] }, 'Enjeu inconnu : « enjeu-7 ».'],
    ['porteur', { porteur: '' }, 'Indiquez qui porte l’action.'],
    ['type_porteur', { type_porteur: 'entreprise' }, 'Choisissez le type de porteur'],
    ['statut', { statut: 'abandonné' }, 'Choisissez le statut'],
    ['debut', { debut: '2023' }, 'Le début doit être entre 2024 et 2030.'],
    ['debut', { debut: '2025-02-30' }, 'Indiquez l’année de début'],
    ['debut', { debut: 'bientôt' }, 'Indiquez l’année de début'],
    ['fin', { fin: '2031' }, 'La fin doit être entre 2024 et 2030.'],
    ['fin', { debut: '2027', fin: '2025-06-30' }, 'La fin ne peut pas précéder le début.'],
    ['fin', { debut: '2026-05-02', fin: '2026-05-01' }, 'La fin ne peut pas précéder le début.'],
    ['budget', { budget: -5 }, 'Le budget ne peut pas être négatif.'],
    ['budget', { budget: 'beaucoup' }, 'Le budget doit être un montant'],
    ['lien', { lien: 'javascript:alert(1)' }, 'http:// ou https://'],
    ['lien', { lien: 'data:text/html,<b>x</b>' }, 'http:// ou https://'],
    ['lien', { lien: 'www.croix.fr' }, 'http:// ou https://'],
    ['contact', { contact: 'x'.repeat(201) }, 'Le contact dépasse 200 caractères.'],
    ['exemple', { exemple: 'oui' }, 'true ou false'],
  ])('rejects a bad %s (%j)', (field, patch, message) => {
    const result = validateActionProperties({ ...VALID, ...patch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([field]);
    expect(result.errors[field as keyof typeof result.errors]).toContain(message);
  });

  it.each([
    [{ statut: 'En cours' }, 'statut', 'en-cours'],
    [{ statut: 'Réalisé' }, 'statut', 'realise'],
    [{ type_porteur: 'État' }, 'type_porteur', 'etat'],
    [{ type_porteur: 'MEL' }, 'type_porteur', 'mel'],
    [{ debut: 2025, fin: 2025 }, 'debut', '2025'],
    [{ enjeux: ['enjeu-6', 'enjeu-1', 'enjeu-6'] }, 'enjeux', ['enjeu-1', 'enjeu-6']],
    [{ debut: '2026', fin: '2026-03-01' }, 'fin', '2026-03-01'],
    [{ lien: 'https://www.ville-croix.fr/' }, 'lien', 'https://www.ville-croix.fr/'],
  ])('accepts and normalises %j', (patch, field, expected) => {
    const result = validateActionProperties({ ...VALID, ...patch });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value[field as keyof typeof result.value]).toEqual(expected);
  });

  it('refuses a list or nothing as properties', () => {
    for (const input of [[], null, 'texte']) {
      expect(validateActionProperties(input)).toEqual({
        ok: false,
        errors: { titre: 'Les propriétés de l’action sont absentes.' },
      });
    }
  });

  it('keeps only the known fields', () => {
    const result = validateActionProperties({ ...VALID, html: '<script>', couleur: 'rouge' });
    expect(result.ok && Object.keys(result.value).sort()).toEqual(Object.keys(VALID).sort());
  });

  it('checks the date order even when another field is wrong', () => {
    const result = validateActionProperties({
      ...VALID,
      debut: '2026',
      fin: '2025',
      lien: 'javascript:alert(1)',
    });
    expect(result.ok ? {} : result.errors).toEqual({
      fin: 'La fin ne peut pas précéder le début.',
      lien: 'Le lien doit être une adresse web complète commençant par http:// ou https://.',
    });
  });

  it('reports every faulty field at once', () => {
    const result = validateActionProperties({ id: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(
        ['debut', 'enjeux', 'fin', 'objectif', 'porteur', 'statut', 'titre', 'type_porteur'].sort(),
      );
    }
  });
});

describe('validateActionGeometry', () => {
  it.each([
    [{ type: 'Point', coordinates: [3.15, 50.68] }, true],
    [{ type: 'Point', coordinates: [3.15, 50.68, 12] }, true],
    [{ type: 'Point', coordinates: [200, 50] }, false],
    [{ type: 'Point', coordinates: ['3.15', 50.68] }, false],
    [{ type: 'LineString', coordinates: [[3.15, 50.68]] }, false],
    [
      {
        type: 'LineString',
        coordinates: [
          [3.15, 50.68],
          [3.16, 50.69],
        ],
      },
      true,
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      true,
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      false,
    ],
    [{ type: 'MultiPoint', coordinates: [[0, 0]] }, false],
    [null, false],
  ])('%j → %s', (geometry, ok) => {
    expect(validateActionGeometry(geometry).ok).toBe(ok);
  });

  it('drops altitudes', () => {
    const result = validateActionGeometry({ type: 'Point', coordinates: [3.15, 50.68, 12] });
    expect(result).toEqual({ ok: true, geometry: { type: 'Point', coordinates: [3.15, 50.68] } });
  });

  it.each([
    [
      'a closed ring of three positions (no area)',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      'La zone doit être un contour fermé d’au moins trois points valides.',
    ],
    ['a Polygon without rings', { type: 'Polygon', coordinates: [] }, 'La zone doit être un contour fermé'],
    ['a Point without coordinates', { type: 'Point' }, 'Le point n’a pas de coordonnées valides'],
    ['a Point at infinity', { type: 'Point', coordinates: [Infinity, 50] }, 'Le point n’a pas'],
    ['a LineString of text', { type: 'LineString', coordinates: 'x' }, 'La ligne doit avoir au moins deux'],
    ['a list', [], 'La géométrie est absente.'],
  ])('refuses %s with its French message', (_, geometry, message) => {
    const result = validateActionGeometry(geometry);
    expect(result.ok ? '' : result.error).toContain(message);
  });

  it('keeps only type and coordinates', () => {
    const result = validateActionGeometry({ type: 'Point', coordinates: [3.15, 50.68], bbox: [0, 0, 1, 1] });
    expect(result).toEqual({ ok: true, geometry: { type: 'Point', coordinates: [3.15, 50.68] } });
  });

  it('names the unsupported type', () => {
    const result = validateActionGeometry({ type: 'MultiPolygon', coordinates: [] });
    expect(result.ok ? '' : result.error).toBe(
      'Type de géométrie non pris en charge : MultiPolygon (point, ligne ou zone attendus).',
    );
  });
});

describe('helpers', () => {
  it.each([
    ['2026', { year: 2026, first: '2026-01-01', last: '2026-12-31' }],
    [2026, { year: 2026, first: '2026-01-01', last: '2026-12-31' }],
    ['2024-02-29', { year: 2024, first: '2024-02-29', last: '2024-02-29' }],
    ['2025-02-29', null],
    ['26', null],
    [2026.5, null],
  ])('parseDateBounds(%j)', (raw, expected) => expect(parseDateBounds(raw)).toEqual(expected));

  it.each([
    [1500, 1500],
    ['1 500', 1500],
    ['1\u202f500,25 €', 1500.25],
    ['1.5e3', null],
    [Number.NaN, null],
  ])('parseBudget(%j)', (raw, expected) => expect(parseBudget(raw)).toBe(expected));

  it.each([
    ['https://example.org', true],
    ['http://example.org/a?b=c', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['mailto:a@b.fr', false],
    ['/relative', false],
  ])('isWebUrl(%j) = %s', (raw, expected) => expect(isWebUrl(raw)).toBe(expected));

  it('flattens errors in form order', () => {
    expect(describeErrors({ fin: 'F.', titre: 'T.' })).toBe('titre : T. ; fin : F.');
  });
});

describe('features and register', () => {
  const feature = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [3.15, 50.68] },
    properties: VALID,
  };

  it('validates a feature', () => {
    expect(validateActionFeature(feature).ok).toBe(true);
    const bad = validateActionFeature({ ...feature, geometry: { type: 'Point', coordinates: [] } });
    expect(bad.ok ? {} : bad.errors).toHaveProperty('geometry');
  });

  it('checks the register: collection, valid features, unique ids', () => {
    expect(checkActionsRegister({ type: 'FeatureCollection', features: [] })).toEqual({ ok: true });
    expect(checkActionsRegister({ type: 'FeatureCollection', features: [feature] })).toEqual({ ok: true });
    expect(checkActionsRegister([])).toEqual({
      ok: false,
      error: 'actions.geojson : une FeatureCollection est attendue',
    });
    expect(checkActionsRegister({ type: 'FeatureCollection', features: [feature, feature] })).toEqual({
      ok: false,
      error: 'actions.geojson : identifiant en double « a-1 »',
    });
    const bad = { ...feature, properties: { ...VALID, fin: '2031' } };
    expect(checkActionsRegister({ type: 'FeatureCollection', features: [feature, bad] })).toEqual({
      ok: false,
      error: 'actions.geojson : action n° 2 : fin : La fin doit être entre 2024 et 2030.',
    });
  });
});
