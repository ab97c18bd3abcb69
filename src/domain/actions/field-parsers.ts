// Readers of the action fields as people type them (labels for ids, French budgets, years or dates), used by the
// valibot schemas of ./schema.ts. Each returns the normalised value or null; the schema words the message.
import { stripAccents } from '../text.ts';
import type { StatutAction, TypePorteur } from './model.ts';

/**
 * A value echoed in a message, short: text cut at 40 characters, never `String()` of an object or a list (a
 * hostile file's nested list would overflow the stack when stringified, a 1 Mo text would flood the report).
 */
export function shown(raw: unknown): string {
  const text =
    typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
      ? String(raw)
      : Array.isArray(raw)
        ? 'une liste'
        : raw === null
          ? 'null'
          : typeof raw === 'object'
            ? 'un objet'
            : String(raw);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Lower-case, accents removed, spaces and underscores as hyphens: « État » → `etat`, « En cours » → `en-cours`. */
function slug(value: string): string {
  return stripAccents(value)
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

export function oneOf<T extends string>(
  values: readonly T[],
  raw: unknown,
  aliases: Record<string, T> = {},
): T | null {
  if (typeof raw !== 'string') return null;
  const key = slug(raw);
  if ((values as readonly string[]).includes(key)) return key as T;
  return aliases[key] ?? null;
}

/** People type labels rather than ids in hand-made files: accept them too. */
export const STATUT_ALIASES: Record<string, StatutAction> = {
  'en-projet': 'projet',
  encours: 'en-cours',
  realisee: 'realise',
};
export const PORTEUR_ALIASES: Record<string, TypePorteur> = {
  commune: 'ville',
  mairie: 'ville',
  metropole: 'mel',
  'metropole-europeenne-de-lille': 'mel',
  'bailleur-social': 'bailleur',
  asso: 'association',
};

/** Parsed bounds of a date field: the first and the last day it may mean (`2026` → 2026-01-01 … 2026-12-31). */
export interface DateBounds {
  year: number;
  first: string;
  last: string;
}

/**
 * Reads a `debut`/`fin` value: a year (`2026` or `"2026"`) or an ISO calendar date (`"2026-03-15"`).
 *
 * @returns the bounds, or `null` when the value is not a year nor a real calendar date.
 * @example parseDateBounds('2026') // { year: 2026, first: '2026-01-01', last: '2026-12-31' }
 */
export function parseDateBounds(raw: unknown): DateBounds | null {
  const text =
    typeof raw === 'number' && Number.isInteger(raw)
      ? String(raw)
      : typeof raw === 'string'
        ? raw.trim()
        : '';
  if (/^\d{4}$/.test(text)) {
    return { year: Number(text), first: `${text}-01-01`, last: `${text}-12-31` };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2026-02-30 over to March: a round trip tells a real calendar date from an impossible one.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return { year, first: text, last: text };
}

/**
 * Reads a budget in euros: a number, or a French-formatted string (« 12 000,50 », « 1500 € »).
 *
 * @example parseBudget('12 000,50 €') // 12000.5
 */
export function parseBudget(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const compact = raw.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** True for an absolute http or https URL. Anything else (javascript:, data:, mailto:, relative) is refused. */
export function isWebUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
