// The answer read line by line (src/domain/plain-answer.ts): one plain sentence first, the technical details behind
// « Pourquoi ? ». Figures come from data/saint-pierre-streets.geojson (the street list's measurements).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAddress, checkPoint } from '../../src/domain/check-address.ts';
import { type CheckContext, createCheckContext } from '../../src/domain/check-context.ts';
import { plainAnswer } from '../../src/domain/plain-answer.ts';

let ctx: CheckContext;
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
beforeAll(() => {
  ctx = createCheckContext({
    qpv: read('data/qpv-2024.geojson'),
    roads: read('data/roads.geojson'),
    communes: read('data/communes.geojson'),
    addresses: null,
  });
});

describe('plainAnswer', () => {
  it('keeps the band and the setback out of the first sentence', () => {
    const check = checkAddress(ctx, '43 rue Paul Lafargue Croix');
    expect(check.motif).toMatch(/marge de 15,1 m/);
    const plain = plainAnswer(check, 'recherche');
    expect(plain.reason).toBe('Toute la rue est dans le quartier : le numéro ne change pas la réponse.');
    expect(plain.reason).not.toMatch(/marge|précision du tracé/);
    expect(plain.details.join(' ')).toContain('marge de 15,1 m');
  });

  it('says how much of rue Lavoisier is outside, as the street list does', () => {
    const lavoisier = (
      read('data/saint-pierre-streets.geojson') as {
        features: { properties: { nom: string; dedans_m: number; limite_m: number; dehors_m: number } }[];
      }
    ).features.find((f) => f.properties.nom === 'Rue Lavoisier')!.properties;
    const check = checkAddress(ctx, 'rue lavoisier croix');
    expect(check.status).toBe('limite');
    const plain = plainAnswer(check, 'recherche', { parts: lavoisier });
    // The list's figure (data/saint-pierre-streets.geojson, street-relation.ts with the search's 15.1 m band):
    // ≈ 35 m beyond the band; the raw README §4.4 measures the south-western ≈ 50 m end as outside, up to 50 m away.
    expect(lavoisier.dehors_m).toBeGreaterThan(30);
    expect(lavoisier.dehors_m).toBeLessThan(50);
    expect(plain.reason).toContain(`${Math.round(lavoisier.dehors_m)} m de la rue sont hors du quartier`);
  });

  it('says where a device position comes from, never « point placé sur la carte »', () => {
    const check = checkPoint(ctx, [3.1652, 50.6949], {
      uncertainty_m: 25,
      label: 'Ma position (précision ± 25 m)',
    });
    const plain = plainAnswer(check, 'position', { accuracy_m: 25 });
    expect(plain.details[0]).toBe('Position : position de votre appareil, à ± 25 m près.');
    expect(plain.reason).toMatch(/^Votre position est à \d+ m à l’intérieur de la limite du quartier\.$/);
    expect(plainAnswer(check, 'carte').details[0]).toBe('Position : point placé sur la carte.');
  });
});
