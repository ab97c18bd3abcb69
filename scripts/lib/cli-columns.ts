// cli-columns.ts — the `--retirer COLONNE` option of scripts/check-addresses.ts: which original columns to leave out
// of the export, named as the browser names them (`table.columnNames`, src/domain/batch/table.ts: the header cell
// trimmed, « Colonne N » when empty or without a header row, « Nom (2) » for a repeated name).
// Matching: the exact name first (both sides trimmed and in Unicode NFC, as terminals may send accents decomposed);
// else the same name ignoring case; else ignoring case and accents (« prenom » finds « Prénom »). A name matching
// several columns at the first level that finds any is refused as ambiguous, never guessed.
// Reads: the names given after --retirer, the file's column names and the address mapping of the check.
// Writes: nothing; returns column indices for `exportedColumns`' `dropped` (src/domain/batch/export.ts, the browser's
// path), or throws a UsageError (exit status 2) whose French message names the column.

import { type ColumnMapping, mappedColumns, ROLE_LABELS } from '../../src/domain/batch/column-mapping.ts';
import { stripAccents } from '../../src/domain/text.ts';

/** Bad arguments: the CLI prints the message (and the usage when the message is empty) and exits with status 2. */
export class UsageError extends Error {}

const exact = (name: string) => name.normalize('NFC').trim();
const caseless = (name: string) => exact(name).toLocaleLowerCase('fr');
const plain = (name: string) => stripAccents(caseless(name));

const quoted = (names: readonly string[]) => names.map((name) => `« ${name} »`).join(', ');

/** The index of the column named `wanted`, or a UsageError (unknown or ambiguous). */
function findColumn(wanted: string, columnNames: readonly string[]): number {
  for (const key of [exact, caseless, plain]) {
    const target = key(wanted);
    const found = columnNames.flatMap((name, index) => (key(name) === target ? [index] : []));
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      throw new UsageError(
        `Après --retirer, « ${wanted} » désigne plusieurs colonnes (${quoted(found.map((index) => columnNames[index]!))}) : écrivez le nom exact, accents et majuscules compris.`,
      );
    }
  }
  throw new UsageError(
    `Colonne inconnue après --retirer : « ${wanted} » n’est pas dans ce fichier. Colonnes du fichier : ${quoted(columnNames)}.`,
  );
}

/**
 * The original columns to leave out of the export, sorted, each once; refuses a column the check uses.
 *
 * @example
 * droppedColumns(['prenom'], ['Nom', 'Prénom', 'Adresse'], { adresse: 2 }); // [1]
 * droppedColumns(['Adresse'], ['Nom', 'Prénom', 'Adresse'], { adresse: 2 }); // throws UsageError
 */
export function droppedColumns(
  wanted: readonly string[],
  columnNames: readonly string[],
  mapping: ColumnMapping,
): number[] {
  const used = new Set(mappedColumns(mapping));
  const dropped = new Set<number>();
  for (const name of wanted) {
    const index = findColumn(name, columnNames);
    if (used.has(index)) {
      const roles = Object.entries(mapping)
        .filter(([, column]) => column === index)
        .map(([role]) => `« ${ROLE_LABELS[role as keyof typeof ROLE_LABELS]} »`);
      throw new UsageError(
        `La colonne « ${columnNames[index]} » ne peut pas être retirée : la vérification l’utilise comme ${roles.join(' et ')}.`,
      );
    }
    dropped.add(index);
  }
  return [...dropped].sort((a, b) => a - b);
}

/**
 * `droppedColumns` for the CLI's options, and one stderr line saying which columns the export leaves out.
 *
 * @example
 * removedColumns({ remove: ['Nom'], minimise: false }, ['Nom', 'Adresse'], { adresse: 1 }, log); // [0]
 * // log: « Colonnes retirées de l’export : « Nom ». »
 */
export function removedColumns(
  options: { remove: readonly string[]; minimise: boolean },
  columnNames: readonly string[],
  mapping: ColumnMapping,
  log: (line: string) => void,
): number[] {
  const dropped = droppedColumns(options.remove, columnNames, mapping);
  if (dropped.length === 0) return dropped;
  const names = quoted(dropped.map((index) => columnNames[index]!));
  // With --minimiser only the address columns are kept anyway: --retirer is redundant there, and harmless.
  log(
    options.minimise
      ? `Colonnes retirées : ${names} (déjà hors de l’export avec --minimiser).`
      : `Colonnes retirées de l’export : ${names}.`,
  );
  return dropped;
}
