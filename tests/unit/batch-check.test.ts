// Running the checker over rows: no row lost, progress, cancellation, errors turned into reasons, and the real
// domain checker on the project's data (points of the area with a known answer).
import { describe, expect, it } from 'vitest';
import { loadBatchDataFromDisk } from '../../scripts/check-addresses.ts';
import { checkPlacedPoint, checkRow, checkRows } from '../../src/domain/batch/check-rows.ts';
import type { RowQuery } from '../../src/domain/batch/column-mapping.ts';
import { createDomainRowChecker } from '../../src/domain/batch/domain-row-checker.ts';
import { notFound, type RowChecker, type RowVerdict } from '../../src/domain/batch/row-checker.ts';

const echo: RowChecker = {
  geographyVersion: 'test',
  check: (query) => ({
    ...notFound(''),
    status: 'hors',
    label: query.kind === 'point' ? 'point' : query.text,
  }),
};

describe('checkRows', () => {
  const rows = Array.from({ length: 2_500 }, (_, index) => [`${index + 1} Rue Blanche`]);

  it('rend un verdict par ligne, dans l’ordre, avec des progrès croissants jusqu’au total', async () => {
    const progress: number[] = [];
    const verdicts = await checkRows(rows, { adresse: 0 }, echo, {
      chunkSize: 1_000,
      maxChunkMs: Number.POSITIVE_INFINITY,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(verdicts).toHaveLength(2_500);
    expect(verdicts?.[2_499]?.label).toBe('2500 Rue Blanche');
    expect(progress).toEqual([1_000, 2_000, 2_500]);
  });

  it('s’arrête quand on annule', async () => {
    let chunks = 0;
    const verdicts = await checkRows(rows, { adresse: 0 }, echo, {
      chunkSize: 1_000,
      onProgress: () => {
        chunks += 1;
      },
      isCancelled: () => chunks >= 1,
    });
    expect(verdicts).toBeNull();
    expect(chunks).toBe(1);
  });

  it('transforme une exception du vérificateur en « introuvable » avec le motif, sans interrompre le lot', async () => {
    const throwing: RowChecker = {
      geographyVersion: 'test',
      check: (query) => {
        if (query.kind !== 'point' && query.text.includes('Tonkin'))
          throw new RangeError('position invalide');
        return { ...notFound(''), status: 'hors' };
      },
    };
    const verdicts = await checkRows([['5 Rue du Tonkin'], ['12 Rue Blanche']], { adresse: 0 }, throwing);
    expect(verdicts?.map((verdict) => verdict.status)).toEqual(['introuvable', 'hors']);
    expect(verdicts?.[0]?.motif).toMatch(/position invalide/);
  });
});

describe('vérificateur du domaine sur les données du projet', () => {
  const data = loadBatchDataFromDisk();
  const checker = createDomainRowChecker(data);

  it.each([
    // Public addresses from shared/data/raw/derived-address-points (La Poste relays, distances measured there).
    ['22 Rue de la Halle, Roubaix (144 m à l’intérieur)', 3.176018, 50.6905, 'dans', 'QN05980M'],
    ['23 Rue de la Gare, Croix (1,2 km dehors)', 3.1455546, 50.674685, 'hors', ''],
    ['198 rue de Lille, Roubaix (7 m de la limite)', 3.1637744, 50.6840667, 'limite', 'QN05980M'],
  ])('%s', (_label, lon, lat, status, code) => {
    const verdict = checkRow([String(lon), String(lat)], { longitude: 0, latitude: 1 }, checker);
    expect(verdict.status).toBe(status);
    expect(verdict.qpvCode).toBe(code);
    expect(verdict.precision).toBe('coordonnées du fichier');
    expect(verdict.lon).toBe(lon);
    expect(verdict.motif).not.toBe('');
  });

  it.each([
    // Streets of the extended Saint-Pierre list and neighbours (data/roads.geojson), answered at street level.
    ['43 Rue Paul Lafargue 59170 Croix', 'dans', 'voie'],
    ['12 Rue Blanche 59170 Croix', 'limite', 'voie'],
    ['372 Rue Verte 59170 Croix', 'hors', 'voie'],
  ])('adresse « %s » → %s (même réponse que la recherche)', (text, status, precision) => {
    const verdict = checkRow([text], { adresse: 0 }, checker);
    expect(verdict.status).toBe(status);
    expect(verdict.precision).toBe(precision);
    expect(verdict.label).toMatch(/59170 Croix$/);
  });

  it('une rue présente dans plusieurs communes, sans commune, est introuvable avec la raison', () => {
    const verdict = checkRow(['12', 'Rue Blanche'], { numero: 0, voie: 1 }, checker);
    expect(verdict.status).toBe('introuvable');
    expect(verdict.motif).toMatch(/plusieurs communes/);
  });

  it('un point placé à la main est recalculé avec la précision « point placé »', () => {
    const verdict = checkPlacedPoint(3.176018, 50.6905, checker);
    expect(verdict).toMatchObject({ status: 'dans', qpvCode: 'QN05980M', precision: 'point placé' });
    expect(verdict.motif).toMatch(/corrigée à la main/);
  });

  it('une adresse répétée reçoit à chaque fois la réponse d’un vérificateur neuf, mémorisée dès la 2e fois', () => {
    const queries: RowQuery[] = [
      {
        kind: 'champs',
        housenumber: '12',
        street: 'Rue Blanche',
        city: 'Croix',
        text: '12 Rue Blanche Croix',
      },
      {
        kind: 'champs',
        housenumber: '12',
        street: 'Rue Blanche',
        city: 'Roubaix',
        text: '12 Rue Blanche Roubaix',
      },
      { kind: 'champs', housenumber: '12', street: 'Rue Blanche', text: '12 Rue Blanche' },
      { kind: 'texte', text: '43 Rue Paul Lafargue 59170 Croix' },
      { kind: 'point', lon: 3.176018, lat: 50.6905 },
      { kind: 'point', lon: 3.1637744, lat: 50.6840667 },
    ];
    const memoised = createDomainRowChecker(data);
    const seen: RowVerdict[][] = queries.map(() => []);
    // Interleaved: each query comes back after the others (the memo must not mix two that differ by one field).
    for (let round = 0; round < 3; round++)
      for (const [i, query] of queries.entries()) seen[i]!.push(memoised.check(query));
    queries.forEach((query, i) => {
      const fresh = createDomainRowChecker(data).check(query);
      for (const verdict of seen[i]!) expect(verdict).toEqual(fresh);
      // The first two sightings are computed, the third comes from the memo.
      expect(seen[i]![2]).toBe(seen[i]![1]);
    });
    // Six different answers: a memo that mixed two of these queries would be seen.
    expect(new Set(seen.map(([v]) => `${v!.status} ${v!.label} ${v!.motif}`)).size).toBe(queries.length);
  });

  it('porte la version de la géographie', () => {
    expect(checker.geographyVersion).toMatch(/^QP 2024, décret n° 2023-1314/);
  });
});
