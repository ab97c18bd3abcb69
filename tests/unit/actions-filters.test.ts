// Filters of the actions overlay and their permalink encoding.
import { describe, expect, it } from 'vitest';
import {
  actionMatches,
  countByObjectif,
  decodeFilters,
  encodeFilters,
  filterActions,
  NO_FILTERS,
} from '../../src/domain/actions/filters.ts';
import { makeAction } from './actions-helpers.ts';

const ACTIONS = [
  makeAction({
    id: 'v1',
    objectif: 'verdissement',
    enjeux: ['enjeu-5'],
    type_porteur: 'ville',
    statut: 'projet',
    debut: '2025',
    fin: '2026',
  }),
  makeAction({
    id: 'v2',
    objectif: 'verdissement',
    enjeux: ['enjeu-4', 'enjeu-5'],
    type_porteur: 'association',
    statut: 'realise',
    debut: '2024',
    fin: '2024',
    exemple: true,
  }),
  makeAction({
    id: 'd1',
    objectif: 'dedensification',
    enjeux: ['enjeu-4'],
    type_porteur: 'bailleur',
    statut: 'en-cours',
    debut: '2026-03-01',
    fin: '2030',
  }),
  makeAction({
    id: 'p1',
    objectif: 'sortie-precarite',
    enjeux: ['enjeu-2', 'enjeu-6'],
    type_porteur: 'etat',
    statut: 'projet',
    debut: '2027',
    fin: '2028',
  }),
];
const ids = (filters: Partial<typeof NO_FILTERS>) =>
  filterActions(ACTIONS, { ...NO_FILTERS, ...filters }).map((action) => action.properties.id);

describe('filterActions', () => {
  it.each([
    [{}, ['v1', 'd1', 'p1']],
    [{ exemples: true }, ['v1', 'v2', 'd1', 'p1']],
    [{ exemples: true, objectifs: ['verdissement'] }, ['v1', 'v2']],
    [{ exemples: true, objectifs: ['verdissement', 'sortie-precarite'] }, ['v1', 'v2', 'p1']],
    [{ exemples: true, enjeux: ['enjeu-4'] }, ['v2', 'd1']],
    [{ exemples: true, enjeux: ['enjeu-2', 'enjeu-5'] }, ['v1', 'v2', 'p1']],
    [{ exemples: true, porteurs: ['bailleur', 'etat'] }, ['d1', 'p1']],
    [{ exemples: true, statuts: ['projet'] }, ['v1', 'p1']],
    [{ exemples: true, annee: 2024 }, ['v2']],
    [{ exemples: true, annee: 2026 }, ['v1', 'd1']],
    [{ exemples: true, annee: 2028 }, ['d1', 'p1']],
    [{ exemples: false }, ['v1', 'd1', 'p1']],
    [{ objectifs: ['verdissement'], exemples: false, annee: 2025 }, ['v1']],
    [{ objectifs: ['habitat'] }, []],
  ] as const)('%j → %j', (filters, expected) => {
    expect(ids(filters as Partial<typeof NO_FILTERS>)).toEqual(expected);
  });

  it('matches one action', () => {
    expect(actionMatches(ACTIONS[0]!, { ...NO_FILTERS, statuts: ['realise'] })).toBe(false);
  });

  it('counts per objective with every key', () => {
    expect(countByObjectif(ACTIONS)).toEqual({
      verdissement: 2,
      dedensification: 1,
      'sortie-precarite': 1,
      habitat: 0,
      partenariats: 0,
      associations: 0,
    });
  });
});

describe('permalink', () => {
  const read = (query: string) => (name: string) => new URLSearchParams(query).get(name);

  it('decodes known values and drops unknown ones', () => {
    expect(
      decodeFilters(
        read(
          'objectifs=verdissement,inconnu&enjeux=enjeu-2&porteurs=etat&statuts=en-cours&annee=2026&exemples=1',
        ),
      ),
    ).toEqual({
      objectifs: ['verdissement'],
      enjeux: ['enjeu-2'],
      porteurs: ['etat'],
      statuts: ['en-cours'],
      annee: 2026,
      exemples: true,
    });
  });

  it.each(['0', 'oui', '', 'true'])('hides the examples for exemples=%s (only 1 shows them)', (value) => {
    expect(decodeFilters(read(`exemples=${value}`)).exemples).toBe(false);
  });

  it.each(['2023', '2031', 'abc', '2026.5'])('ignores the year %s', (annee) => {
    expect(decodeFilters(read(`annee=${annee}`)).annee).toBeNull();
  });

  it('has no parameter for the defaults', () => {
    expect(encodeFilters(NO_FILTERS)).toEqual({
      objectifs: null,
      enjeux: null,
      porteurs: null,
      statuts: null,
      annee: null,
      exemples: null,
    });
    expect(decodeFilters(read(''))).toEqual(NO_FILTERS);
  });

  it('round-trips', () => {
    const filters = {
      ...NO_FILTERS,
      objectifs: ['habitat', 'verdissement'],
      annee: 2027,
      exemples: true,
    } as typeof NO_FILTERS;
    const encoded = encodeFilters(filters);
    expect(encoded.objectifs).toBe('habitat,verdissement');
    expect(encoded.exemples).toBe('1');
    expect(decodeFilters((name) => encoded[name])).toEqual({
      ...filters,
      objectifs: ['verdissement', 'habitat'],
    });
  });
});
