// CSV parsing (papaparse) with header-name access and file-named errors.

import Papa from 'papaparse';
import { DataFileError } from './errors';

/** Parses a delimited text with a header row; every row becomes a record keyed by header name. */
export function parseCsv(
  text: string,
  label: string,
  delimiter: string,
  required: readonly string[],
): Record<string, string>[] {
  const res = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true });
  const fields = res.meta.fields ?? [];
  const missing = required.filter((c) => !fields.includes(c));
  if (missing.length > 0) {
    throw new DataFileError(label, `colonnes manquantes (missing columns): ${missing.join(', ')}`);
  }
  const fatal = res.errors.find((e) => e.type !== 'FieldMismatch' || e.code === 'TooFewFields');
  if (fatal) {
    throw new DataFileError(
      label,
      `CSV invalide ligne ${(fatal.row ?? 0) + 2} (invalid CSV): ${fatal.message}`,
    );
  }
  return res.data;
}
