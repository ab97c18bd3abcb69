/**
 * Importing and exporting actions as GeoJSON files. Import is forgiving per feature and strict per file:
 * a file that is too big, not JSON or not a FeatureCollection is refused as a whole; inside a valid
 * collection every bad feature is reported with its number and reason, and the good ones are kept.
 * Structure is checked with geojson-validation first (RFC 7946 shape), then with our action schema.
 */
import { isFeature } from 'geojson-validation';
import { type ActionFeature, describeErrors, validateActionFeature } from './schema.ts';

/** 5 Mo: a register of a few hundred actions weighs well under 1 Mo; anything bigger is not an actions file. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportProblem {
  /** 1-based number of the feature in the file, as people count. */
  numero: number;
  reason: string;
}

export type ImportResult =
  | { ok: false; error: string }
  | { ok: true; features: ActionFeature[]; problems: ImportProblem[] };

/** geojson-validation speaks English: its messages (index.js of v1.0.2), in French for the import report. */
const TRACE_TRANSLATIONS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^must be a JSON Object/, () => 'ce n’est pas un objet JSON'],
  [/^must have a member with the name "(\w+)"/, (m) => `le membre « ${m[1]} » manque`],
  [/^type must be one of/, () => 'type de géométrie inconnu'],
  [/^type must be "(\w+)"/, (m) => `le type doit être « ${m[1]} »`],
  [/^Position must only contain numbers/, () => 'une position contient autre chose que des nombres'],
  [/^Position must be at least two elements/, () => 'une position a moins de deux nombres'],
  [/^Position must be an array/, () => 'une position n’est pas une liste de nombres'],
  [/^The first and last positions must be equivalent/, () => 'le contour n’est pas fermé'],
  [/^coordinates must have at least four positions/, () => 'un contour a moins de quatre positions'],
  [/^coordinates must have at least two elements/, () => 'une ligne a moins de deux positions'],
  [/^coordinates must be an array/, () => 'les coordonnées ne sont pas une liste'],
  [/^bbox/, () => 'la bbox est invalide'],
];

/**
 * A geojson-validation trace message in French (unknown messages get a generic French sentence).
 *
 * @example translateTrace('must have a member with the name "geometry"') // 'le membre « geometry » manque'
 */
export function translateTrace(message: string): string {
  for (const [pattern, translate] of TRACE_TRANSLATIONS) {
    const match = message.match(pattern);
    if (match) return translate(match);
  }
  return 'structure non conforme à la norme GeoJSON';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the text of an imported file into valid actions and per-feature problems.
 *
 * @param text the file's content.
 * @param byteSize the file's size in bytes (checked before parsing).
 * @param newId makes an id for a feature that has none (files drawn in another tool).
 * @example parseActionsFile(await file.text(), file.size, () => crypto.randomUUID())
 */
export function parseActionsFile(text: string, byteSize: number, newId: () => string): ImportResult {
  if (byteSize > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: 'Le fichier dépasse 5 Mo : ce n’est pas un fichier d’actions. Rien n’a été importé.',
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'Le fichier n’est pas un GeoJSON lisible (JSON invalide). Rien n’a été importé.',
    };
  }
  if (!isRecord(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    return {
      ok: false,
      error:
        'Le fichier n’est pas une collection d’entités GeoJSON (« FeatureCollection » attendue). Rien n’a été importé.',
    };
  }
  const features: ActionFeature[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  value.features.forEach((raw: unknown, index) => {
    const numero = index + 1;
    const trace = isFeature(raw, true);
    if (trace.length > 0) {
      problems.push({ numero, reason: `GeoJSON invalide : ${translateTrace(trace[0] ?? '')}.` });
      return;
    }
    const feature = raw as Record<string, unknown>;
    const properties = isRecord(feature.properties) ? { ...feature.properties } : {};
    if (properties.id === undefined || properties.id === '') {
      properties.id =
        typeof feature.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(feature.id) ? feature.id : newId();
    }
    const result = validateActionFeature({ ...feature, properties });
    if (!result.ok) {
      problems.push({ numero, reason: describeErrors(result.errors) });
      return;
    }
    if (seen.has(result.feature.properties.id)) {
      problems.push({
        numero,
        reason: `identifiant en double « ${result.feature.properties.id} » dans le fichier.`,
      });
      return;
    }
    seen.add(result.feature.properties.id);
    features.push(result.feature);
  });
  return { ok: true, features, problems };
}

/**
 * Merges imported actions into the drafts: an action with the same id replaces the draft (re-importing an
 * exported file is idempotent), new ones are appended. The input arrays are not modified.
 *
 * @example mergeActions(drafts, imported).length
 */
export function mergeActions(
  current: readonly ActionFeature[],
  incoming: readonly ActionFeature[],
): ActionFeature[] {
  const byId = new Map(incoming.map((action) => [action.properties.id, action]));
  const merged = current.map((action) => byId.get(action.properties.id) ?? action);
  const existing = new Set(current.map((action) => action.properties.id));
  return [...merged, ...incoming.filter((action) => !existing.has(action.properties.id))];
}

/**
 * Serialises actions as a GeoJSON FeatureCollection (2-space indent, fixed key order, final newline).
 *
 * @example serializeActions(drafts) // '{\n  "type": "FeatureCollection", …'
 */
export function serializeActions(actions: readonly ActionFeature[]): string {
  const features = actions.map((action) => {
    const p = action.properties;
    const properties: Record<string, unknown> = {
      id: p.id,
      titre: p.titre,
      description: p.description,
      objectif: p.objectif,
      enjeux: p.enjeux,
      porteur: p.porteur,
      type_porteur: p.type_porteur,
      statut: p.statut,
      debut: p.debut,
      fin: p.fin,
    };
    if (p.budget !== undefined) properties.budget = p.budget;
    if (p.lien !== undefined) properties.lien = p.lien;
    if (p.contact !== undefined) properties.contact = p.contact;
    properties.exemple = p.exemple;
    return { type: 'Feature', geometry: action.geometry, properties };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}

/**
 * File name of an export, dated (local date given as `YYYY-MM-DD`).
 *
 * @example exportFileName('proposition', '2026-11-25') // 'actions-croix-proposition-2026-11-25.geojson'
 */
export function exportFileName(kind: 'export' | 'proposition', isoDate: string): string {
  return `actions-croix-${kind}-${isoDate}.geojson`;
}
