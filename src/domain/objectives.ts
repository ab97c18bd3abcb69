/**
 * The contract's two axes, read from `data/objectives.json`: the six enjeux of the MEL (Conseil métropolitain,
 * 19 April 2024) and the six strategic objectives of Croix's Volet Territorial, worded as in the council
 * deliberation (../shared/seeds/). Each has a stable id used by the actions register and the permalink.
 */
import * as v from 'valibot';
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

const EnjeuEntries = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  numero: v.number(),
  libelle: v.pipe(v.string(), v.nonEmpty()),
  libelle_court: v.string(),
  couleur: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/)),
};
const Enjeu = v.object(EnjeuEntries);
const Objectif = v.object({ ...EnjeuEntries, symbole: v.string() });

/** `data/objectives.json`: each rule with the French message the data check prints. */
const ObjectivesFileSchema = v.pipe(
  v.object(
    {
      enjeux: v.pipe(
        v.array(Enjeu, 'six enjeux complets sont attendus'),
        v.length(6, 'six enjeux complets sont attendus'),
      ),
      objectifs: v.pipe(
        v.array(Objectif, 'six objectifs complets sont attendus'),
        v.length(6, 'six objectifs complets sont attendus'),
      ),
      source: v.object({ enjeux: v.string(), objectifs: v.string() }, 'la source est manquante'),
    },
    'un objet JSON est attendu',
  ),
  v.check((file) => {
    const ids = [...file.enjeux, ...file.objectifs].map((entry) => entry.id);
    return new Set(ids).size === ids.length;
  }, 'identifiants en double'),
);

/** The message of a field's issue: the field's own (the parts of an enjeu share the list's message). */
const FIELD_MESSAGES: Record<string, string> = {
  enjeux: 'six enjeux complets sont attendus',
  objectifs: 'six objectifs complets sont attendus',
  source: 'la source est manquante',
};

/** Checks the shape of `data/objectives.json`: exactly six enjeux and six objectives, unique ids. */
export function checkObjectivesFile(value: unknown): { ok: true } | { ok: false; error: string } {
  const result = v.safeParse(ObjectivesFileSchema, isRecord(value) ? value : null, { abortEarly: true });
  if (result.success) return { ok: true };
  const [issue] = result.issues;
  const field = String(issue.path?.[0]?.key ?? '');
  return { ok: false, error: `objectives.json : ${FIELD_MESSAGES[field] ?? issue.message}` };
}
