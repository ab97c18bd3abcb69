// CSV / formula injection (OWASP « CSV Injection »): a cell starting with `=`, `+`, `-`, `@`, tab or carriage return
// is run as a formula by Excel or LibreOffice when the exported file is opened (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`).
// Every exported cell goes through `neutraliseCell`: such a cell gets a leading apostrophe, which spreadsheets show
// as text and which keeps the data readable. One exception, documented in the README: a cell that is a plain number
// (`-3`, `+33612345678`, `-3,5`) is left as is, because a spreadsheet reads it as a number, never as a formula.

const DANGEROUS_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Neutralises a cell that a spreadsheet would run as a formula.
 *
 * @example
 * neutraliseCell('=HYPERLINK("http://x")'); // '\'=HYPERLINK("http://x")'
 * neutraliseCell('-3'); // '-3' (a plain number)
 * neutraliseCell('+33 6 12 34 56 78'); // "'+33 6 12 34 56 78"
 */
export function neutraliseCell(value: string): string {
  if (!DANGEROUS_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/**
 * True when a cell, as exported, could not run as a formula (the property the tests check on every export).
 *
 * @example
 * isInert("'=1+1"); // true
 * isInert('=1+1'); // false
 */
export function isInert(value: string): boolean {
  return !DANGEROUS_START.test(value) || PLAIN_NUMBER.test(value);
}
