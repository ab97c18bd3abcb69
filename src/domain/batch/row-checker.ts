// The seam between the batch plumbing (parsing, mapping, worker, export) and the domain verdict. The batch code
// only knows this interface; `domain-row-checker.ts` implements it with the same `checkAddress` / `pointVerdict`
// as the resident search, so that a row of a file and an address typed on the map always get the same answer.

import type { RowQuery } from './column-mapping.ts';

export type RowStatus = 'dans' | 'hors' | 'limite' | 'introuvable';

export const ROW_STATUSES: readonly RowStatus[] = ['dans', 'hors', 'limite', 'introuvable'];

/** Short French labels (never colour-only in the UI: the label is always written). */
export const STATUS_LABELS: Record<RowStatus, string> = {
  dans: 'Dans un QPV',
  hors: 'Hors QPV',
  limite: 'En limite — à confirmer',
  introuvable: 'Introuvable',
};

/** Precision label written when the user placed the point by hand. */
export const PRECISION_MANUAL = 'point placé';
/** Precision label for coordinates read from the file. */
export const PRECISION_FILE_POINT = 'coordonnées du fichier';
/** Flag of a typo-corrected or partial reading (« rue Chevrreul » read as Rue Chevreul): written on screen and in the export. */
export const APPROXIMATE_LABEL = 'reconnue approximativement';
/** Flag of a row the user corrected (address retyped or point placed): written on screen and in the export. */
export const CORRECTED_LABEL = 'corrigé à la main';

/** The verdict for one row, flat and serialisable (it crosses the worker boundary and goes to the CSV). */
export interface RowVerdict {
  status: RowStatus;
  qpvCode: string;
  qpvNom: string;
  /** How the position was obtained: « numéro », « rue », « coordonnées du fichier », « point placé »… */
  precision: string;
  /** The address the geocoder matched, to show back (« Vouliez-vous dire… »). */
  label: string;
  lon: number | null;
  lat: number | null;
  /** Distance to the nearest QPV boundary when known, metres. */
  distanceM: number | null;
  /** Why: the reason when not found, or what makes the answer uncertain. Empty when nothing to add. */
  motif: string;
  /** The geocoder's reading was typo-corrected or partial (score below CERTAIN_SCORE): « reconnue approximativement ». */
  approximate?: boolean;
  /** Set when the user corrected the row by hand: the address retyped, or '' for a point placed on the map. */
  correctedAddress?: string;
}

/** Checks one query. Synchronous: the whole geography and the address base are in memory. */
export interface RowChecker {
  check(query: RowQuery): RowVerdict;
  /** Version of the geography the verdicts refer to (stamped on every export). */
  readonly geographyVersion: string;
}

/**
 * A verdict for a row that could not even be queried (empty address, bad coordinates…).
 *
 * @example
 * notFound('Ligne vide.').status; // 'introuvable'
 */
export function notFound(motif: string): RowVerdict {
  return {
    status: 'introuvable',
    qpvCode: '',
    qpvNom: '',
    precision: '',
    label: '',
    lon: null,
    lat: null,
    distanceM: null,
    motif,
  };
}
