// Small text helpers shared by the domain (one home each; see ./normalize.ts for how addresses are normalised).

/**
 * The text without its combining marks (accents, cedilla, diaeresis) after NFD decomposition. Ligatures (œ, æ)
 * are left as they are; `normalizeText` (./normalize.ts) handles them for addresses.
 *
 * @example
 * stripAccents('Épinette à Roubaix'); // → 'Epinette a Roubaix'
 */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}
