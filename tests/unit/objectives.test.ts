import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkObjectivesFile, type ObjectivesFile } from '../../src/domain/objectives.ts';

const file = JSON.parse(readFileSync('data/objectives.json', 'utf8')) as ObjectivesFile;
const deliberation = [
  'Poursuivre les actions de verdissement du quartier Saint Pierre',
  'Favoriser la dédensification du quartier Saint Pierre',
  'Accompagner la population à sortir de la précarité',
  'Poursuivre l’accompagnement de l’amélioration de l’habitat',
  'Renforcer la qualité des partenariats et développer des actions du droit commun',
  'Redéfinir et renforcer la place des associations au coeur du quartier Saint Pierre',
];

describe('data/objectives.json', () => {
  it('is valid: six enjeux, six objectives, unique ids', () => {
    expect(checkObjectivesFile(file)).toEqual({ ok: true });
  });

  it('words the six Croix objectives exactly as the council deliberation', () => {
    expect(file.objectifs.map((objectif) => objectif.libelle)).toEqual(deliberation);
  });

  it('numbers the MEL enjeux 1 to 6 with the deliberation’s wording', () => {
    expect(file.enjeux.map((enjeu) => enjeu.numero)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(file.enjeux[1]?.libelle).toBe('Amplifier la politique d’accès à l’emploi');
    expect(file.enjeux[4]?.libelle).toContain('renaturation de la ville, agriculture urbaine');
  });

  it('gives every objective a distinct symbol so the map does not rely on colour only', () => {
    const symbols = file.objectifs.map((objectif) => objectif.symbole);
    expect(new Set(symbols).size).toBe(6);
  });

  it('rejects a file with a missing objective or a duplicated id', () => {
    expect(checkObjectivesFile({ ...file, objectifs: file.objectifs.slice(0, 5) }).ok).toBe(false);
    const duplicated = file.objectifs.map((objectif) => ({ ...objectif, id: 'verdissement' }));
    expect(checkObjectivesFile({ ...file, objectifs: duplicated })).toEqual({
      ok: false,
      error: 'objectives.json : identifiants en double',
    });
    expect(checkObjectivesFile('nope')).toEqual({
      ok: false,
      error: 'objectives.json : un objet JSON est attendu',
    });
  });

  it('names the part that is wrong, in French', () => {
    const grey = file.enjeux.map((enjeu, i) => (i === 2 ? { ...enjeu, couleur: 'gris' } : enjeu));
    expect(checkObjectivesFile({ ...file, enjeux: grey })).toEqual({
      ok: false,
      error: 'objectives.json : six enjeux complets sont attendus',
    });
    const { source: _, ...withoutSource } = file;
    expect(checkObjectivesFile(withoutSource)).toEqual({
      ok: false,
      error: 'objectives.json : la source est manquante',
    });
    const noSymbol = file.objectifs.map(({ symbole: _s, ...objectif }) => objectif);
    expect(checkObjectivesFile({ ...file, objectifs: noSymbol })).toEqual({
      ok: false,
      error: 'objectives.json : six objectifs complets sont attendus',
    });
  });
});
