/**
 * Importing and exporting actions as GeoJSON files. Import is forgiving per feature and strict per file:
 * a file that is too big, not JSON or not a FeatureCollection is refused as a whole; inside a valid
 * collection every bad feature is reported with its number and reason, and the good ones are kept.
 * Structure is checked with geojson-validation first (RFC 7946 shape), then with our action schema.
 */
import { isFeature } from 'geojson-validation';
import { isRecord } from '../guards.ts';
import type { ActionFeature } from './model.ts';
import { describeErrors, validateActionFeature } from './schema.ts';

/** 5 Mo: a register of a few hundred actions weighs well under 1 Mo; anything bigger is not an actions file. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * Features per imported file. An association has tens of actions, a city a few hundred: a file of thousands is
 * not an actions register (and would freeze the page and flood the list), so it is refused whole, before any
 * feature is checked.
 */
export const MAX_IMPORT_FEATURES = 500;
/** Drafts this browser keeps, all imports together (same reasoning as {@link MAX_IMPORT_FEATURES}). */
export const MAX_DRAFTS = 500;
/** Positions in one geometry: a street or a block needs tens, a carefully traced park a few thousand. */
export const MAX_POSITIONS = 10_000;
/**
 * Nesting levels inside one feature (the feature object is level 1, a Polygon's numbers are level 6). Checked
 * with a loop before any recursive validation, so that a hostile file nested 100 000 deep gets a message
 * instead of a stack overflow.
 */
export const MAX_FEATURE_DEPTH = 16;
/** Problems listed one by one in the import report; the others are counted (« … et 480 autres »). */
export const MAX_LISTED_PROBLEMS = 20;

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

/**
 * Walks a parsed JSON value with an explicit stack (never recursion): whether it nests deeper than `maxDepth`
 * (the walk stops there), and how many arrays starting with a number (positions) it holds.
 *
 * @example scanJson([[1, 2], [3, 4]], 16) // { tooDeep: false, positions: 2 }
 */
export function scanJson(value: unknown, maxDepth: number): { tooDeep: boolean; positions: number } {
  let positions = 0;
  // Two parallel stacks (no tuple per node): a 150 000-vertex polygon is walked in a few milliseconds.
  const nodes: object[] = [];
  const depths: number[] = [];
  if (typeof value === 'object' && value !== null) {
    nodes.push(value);
    depths.push(1);
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > maxDepth) return { tooDeep: true, positions };
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    if (Array.isArray(node) && typeof node[0] === 'number') positions++;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (typeof child === 'object' && child !== null) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return { tooDeep: false, positions };
}

const formatCount = (n: number): string => n.toLocaleString('fr-FR').replace(/\s/g, '\u202f');

/** Why a feature's shape is refused before validation (too deep, too many positions), or null. */
function shapeProblem(raw: unknown): string | null {
  if (scanJson(raw, MAX_FEATURE_DEPTH).tooDeep) {
    return `structure imbriquée sur plus de ${MAX_FEATURE_DEPTH} niveaux : ce n’est pas une action GeoJSON.`;
  }
  const geometry = isRecord(raw) && isRecord(raw.geometry) ? raw.geometry.coordinates : undefined;
  const { positions } = scanJson(geometry, MAX_FEATURE_DEPTH);
  if (positions > MAX_POSITIONS) {
    return `géométrie : ${formatCount(positions)} points, au-delà de ${formatCount(MAX_POSITIONS)} : simplifiez-la avant de l’importer (par exemple avec « Simplifier » dans QGIS).`;
  }
  return null;
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
  if (value.features.length > MAX_IMPORT_FEATURES) {
    return {
      ok: false,
      error: `Le fichier contient ${formatCount(value.features.length)} entités : un import en accepte au plus ${MAX_IMPORT_FEATURES} (une structure a quelques dizaines d’actions). Découpez le fichier. Rien n’a été importé.`,
    };
  }
  const features: ActionFeature[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  value.features.forEach((raw: unknown, index) => {
    const numero = index + 1;
    const shape = shapeProblem(raw);
    if (shape) {
      problems.push({ numero, reason: shape });
      return;
    }
    let trace: string[];
    try {
      trace = isFeature(raw, true);
    } catch {
      // geojson-validation 1.0.2 throws on some shapes (an empty Polygon ring: `[[]]`, found by the fuzz test).
      trace = ['structure'];
    }
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
 * Refusal message when importing `incoming` would take the drafts past {@link MAX_DRAFTS}, else null (actions
 * replacing a draft with the same id do not count).
 *
 * @example draftsCapacityError(drafts, imported) // null
 */
export function draftsCapacityError(
  current: readonly ActionFeature[],
  incoming: readonly ActionFeature[],
): string | null {
  const existing = new Set(current.map((action) => action.properties.id));
  const added = incoming.filter((action) => !existing.has(action.properties.id)).length;
  if (current.length + added <= MAX_DRAFTS) return null;
  return `Cet import ajouterait ${added} actions à vos ${current.length} brouillons : ce navigateur en garde au plus ${MAX_DRAFTS}. Supprimez ou exportez des brouillons d’abord. Rien n’a été importé.`;
}

/**
 * The problems listed one by one in the report and the number left unlisted.
 *
 * @example listedProblems(problems) // { listed: problems.slice(0, 20), others: problems.length - 20 }
 */
export function listedProblems(problems: readonly ImportProblem[]): {
  listed: ImportProblem[];
  others: number;
} {
  return {
    listed: problems.slice(0, MAX_LISTED_PROBLEMS),
    others: Math.max(0, problems.length - MAX_LISTED_PROBLEMS),
  };
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
