/**
 * The contract's two axes, read from `data/objectives.json`: the six enjeux of the MEL (Conseil métropolitain,
 * 19 April 2024) and the six strategic objectives of Croix's Volet Territorial, worded as in the council
 * deliberation (../shared/seeds/). Each has a stable id used by the actions register and the permalink.
 */
import { isRecord } from './guards.ts';

export interface Enjeu {
  id: string;
  numero: number;
  libelle: string;
  libelle_court: string;
  couleur: string;
}

export interface Objectif extends Enjeu {
  /** One-letter symbol drawn on the map and in the legend, so the objective is not told by colour only. */
  symbole: string;
}

export interface ObjectivesFile {
  enjeux: Enjeu[];
  objectifs: Objectif[];
  source: { enjeux: string; objectifs: string };
}

function isEnjeu(value: unknown): value is Enjeu {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    /^[a-z0-9-]+$/.test(value.id) &&
    typeof value.numero === 'number' &&
    typeof value.libelle === 'string' &&
    value.libelle.length > 0 &&
    typeof value.libelle_court === 'string' &&
    typeof value.couleur === 'string' &&
    /^#[0-9a-f]{6}$/.test(value.couleur)
  );
}

function isObjectif(value: unknown): value is Objectif {
  return isEnjeu(value) && typeof (value as unknown as Objectif).symbole === 'string';
}

/** Checks the shape of `data/objectives.json`: exactly six enjeux and six objectives, unique ids. */
export function checkObjectivesFile(value: unknown): { ok: true } | { ok: false; error: string } {
  if (!isRecord(value)) return { ok: false, error: 'objectives.json : un objet JSON est attendu' };
  const { enjeux, objectifs, source } = value;
  if (!Array.isArray(enjeux) || enjeux.length !== 6 || !enjeux.every(isEnjeu)) {
    return { ok: false, error: 'objectives.json : six enjeux complets sont attendus' };
  }
  if (!Array.isArray(objectifs) || objectifs.length !== 6 || !objectifs.every(isObjectif)) {
    return { ok: false, error: 'objectives.json : six objectifs complets sont attendus' };
  }
  const ids = [...enjeux, ...objectifs].map((entry) => entry.id);
  if (new Set(ids).size !== ids.length)
    return { ok: false, error: 'objectives.json : identifiants en double' };
  if (!isRecord(source) || typeof source.enjeux !== 'string' || typeof source.objectifs !== 'string') {
    return { ok: false, error: 'objectives.json : la source est manquante' };
  }
  return { ok: true };
}

export function isObjectivesFile(value: unknown): value is ObjectivesFile {
  return checkObjectivesFile(value).ok;
}
