// Reading the first sheet of an XLSX (a zip of XML parts) for the file check, in the browser's worker and in the CLI
// alike. The zip's central directory is read first: the declared uncompressed sizes of the parts we need are added
// up and a « spreadsheet bomb » is refused before anything is inflated (limits.ts). Each part is then inflated by
// slices (fflate) and fed to a streaming XML parser (saxes), so neither the inflated sheet nor its XML text is ever
// held whole: memory grows with the rows kept, not with the XML. (read-excel-file, used before, recursed once per
// XML chunk and overflowed the stack on a 200 000-row sheet.)
//
// Cells come out as the text the user sees: shared and inline strings as is, numbers as JavaScript prints them,
// booleans VRAI/FAUX, dates (a number whose style is a date format) as JJ/MM/AAAA, errors as their code (#N/A).

import { Inflate } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { BatchInputError } from './errors.ts';
import { MAX_ROWS, MAX_XLSX_UNCOMPRESSED_BYTES, TOO_MANY_ROWS_MESSAGE, xlsxTooBigMessage } from './limits.ts';

export const XLSX_UNREADABLE_MESSAGE =
  'Ce fichier ressemble à un classeur Excel (.xlsx) mais il est illisible (abîmé, protégé par mot de passe ou d’un autre format compressé).';

/** The first sheet: its name and its rows of cell texts (all rows as wide as the widest). */
export interface XlsxSheet {
  sheet: string;
  rows: string[][];
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const INFLATE_SLICE = 64 * 1024;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}
function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** Reads the zip's central directory (names, methods, declared sizes); throws when there is none. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let end = -1;
  // The end-of-central-directory record is in the last 22 + 65 535 (comment) bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
    const nameLength = u16(bytes, at + 28);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    entries.set(entry.name.replace(/^\/+/, ''), entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** Streams the text of one zip entry to `onText`, never beyond its declared size. */
function streamEntry(bytes: Uint8Array, entry: ZipEntry, onText: (text: string) => void): void {
  const local = entry.localOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
    throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const decoder = new TextDecoder('utf-8');
  let produced = 0;
  const take = (chunk: Uint8Array, final: boolean) => {
    produced += chunk.length;
    if (produced > entry.size) throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
    onText(decoder.decode(chunk, { stream: !final }));
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += INFLATE_SLICE) {
      take(data.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= data.length);
    }
    if (data.length === 0) take(new Uint8Array(0), true);
    return;
  }
  if (entry.method !== 8) throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
  const inflate = new Inflate((chunk, final) => take(chunk, final));
  for (let at = 0; at < data.length; at += INFLATE_SLICE) {
    inflate.push(data.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= data.length);
  }
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Excel escapes control characters in strings as `_xHHHH_` (`_x000D_` is a carriage return, `_x005F_` an underscore).
 *
 * @example
 * unescapeXlsx('a_x000D_b'); // 'a\rb'
 */
export function unescapeXlsx(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/** Parses one XML entry with saxes, calling the handlers with local tag names. */
function parseEntry(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  handlers: {
    open?: (name: string, attributes: Record<string, string>) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): void {
  if (!entry) return;
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) parser.on('text', handlers.text);
  streamEntry(bytes, entry, (text) => {
    if (!failure && text) parser.write(text);
  });
  if (!failure) parser.close();
  if (failure) throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(bytes: Uint8Array, entries: Map<string, ZipEntry>, part: string): Map<string, string> {
  const folder = part.split('/').slice(0, -1);
  const relsPath = [...folder, '_rels', `${part.split('/').pop()}.rels`].join('/');
  const targets = new Map<string, string>();
  parseEntry(bytes, entries.get(relsPath), {
    open(name, attributes) {
      if (name === 'Relationship' && attributes.Id && attributes.Target) {
        targets.set(attributes.Id, resolveTarget(part, attributes.Target));
        if (attributes.Type?.endsWith('/sharedStrings'))
          targets.set('#sharedStrings', resolveTarget(part, attributes.Target));
        if (attributes.Type?.endsWith('/styles'))
          targets.set('#styles', resolveTarget(part, attributes.Target));
        if (attributes.Type?.endsWith('/officeDocument'))
          targets.set('#officeDocument', resolveTarget(part, attributes.Target));
      }
    },
  });
  return targets;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A number format shows a date when it has d, m, y (or h, s) outside quotes, brackets and escapes. */
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function dateStyles(bytes: Uint8Array, entry: ZipEntry | undefined): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseEntry(bytes, entry, {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        const code = custom.get(id);
        styles.push(code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormatCode(code));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

function sharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  parseEntry(bytes, entry, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(unescapeXlsx((current ?? []).join('')));
        current = null;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** « JJ/MM/AAAA » of an Excel serial date (1900 system, or 1904 when the workbook says so). */
function serialToDate(serial: number, date1904: boolean): string {
  const days = serial + (date1904 ? 1462 : 0);
  // Excel counts 1900-02-29, which never existed: serials from 61 on are one day ahead of the calendar.
  const date = new Date(Date.UTC(1899, 11, days < 61 ? 31 : 30) + Math.round(days * 86_400_000));
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

interface CellContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

function cellText(type: string, style: number, raw: string, context: CellContext): string {
  switch (type) {
    case 's':
      return context.strings[Number(raw)] ?? '';
    case 'b':
      return raw === '1' ? 'VRAI' : raw === '0' ? 'FAUX' : raw;
    case 'str':
    case 'inlineStr':
      return unescapeXlsx(raw);
    case 'e':
      return raw;
    case 'd': {
      const date = new Date(raw);
      return Number.isNaN(date.getTime())
        ? raw
        : `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
    }
    default: {
      if (raw.trim() === '') return '';
      const value = Number(raw);
      if (Number.isNaN(value)) return raw;
      return context.dates[style] ? serialToDate(value, context.date1904) : String(value);
    }
  }
}

/**
 * Reads the first sheet of an XLSX. Throws a `BatchInputError` with the reason when it cannot.
 *
 * @example
 * readXlsx(bytes); // { sheet: 'Bénéficiaires', rows: [['Bénéficiaire', 'N°', …], …] }
 */
export function readXlsx(bytes: Uint8Array): XlsxSheet {
  const entries = zipEntries(bytes);
  const workbookPath = relationships(bytes, entries, '').get('#officeDocument') ?? 'xl/workbook.xml';
  const workbook = entries.get(workbookPath);
  if (!workbook) throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
  const rels = relationships(bytes, entries, workbookPath);
  const first: { name: string | null; rel: string | null; date1904: boolean } = {
    name: null,
    rel: null,
    date1904: false,
  };
  parseEntry(bytes, workbook, {
    open(name, attributes) {
      if (name === 'workbookPr')
        first.date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name === 'sheet' && first.name === null) {
        first.name = attributes.name ?? 'Feuille 1';
        const idKey = Object.keys(attributes).find((key) => key === 'id' || key.endsWith(':id'));
        first.rel = idKey ? (attributes[idKey] ?? null) : null;
      }
    },
  });
  const sheetName = first.name;
  const sheetPath = first.rel ? rels.get(first.rel) : undefined;
  const sheetEntry = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheetEntry || sheetName === null) throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
  const stringsEntry = entries.get(rels.get('#sharedStrings') ?? 'xl/sharedStrings.xml');
  const stylesEntry = entries.get(rels.get('#styles') ?? 'xl/styles.xml');
  const declared = [workbook, sheetEntry, stringsEntry, stylesEntry].reduce(
    (sum, entry) => sum + (entry?.size ?? 0),
    0,
  );
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES) throw new BatchInputError(xlsxTooBigMessage(declared));
  const context: CellContext = {
    strings: sharedStrings(bytes, stringsEntry),
    dates: dateStyles(bytes, stylesEntry),
    date1904: first.date1904,
  };
  const rows: string[][] = [];
  let row: string[] | null = null;
  let rowIndex = -1;
  let column = -1;
  let type = 'n';
  let style = 0;
  let raw: string[] = [];
  let capture = false;
  let width = 0;
  parseEntry(bytes, sheetEntry, {
    open(name, attributes) {
      if (name === 'row') {
        rowIndex = attributes.r ? Number(attributes.r) - 1 : rowIndex + 1;
        if (!(rowIndex >= 0)) throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
        if (rowIndex > MAX_ROWS) throw new BatchInputError(TOO_MANY_ROWS_MESSAGE);
        row = [];
        column = -1;
      } else if (name === 'c') {
        column = attributes.r ? columnIndex(attributes.r) : column + 1;
        type = attributes.t ?? 'n';
        style = Number(attributes.s ?? 0);
        raw = [];
      } else if (name === 'v' || (name === 't' && type === 'inlineStr')) capture = true;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'c' && row && column >= 0) {
        const text = cellText(type, style, raw.join(''), context);
        if (text !== '') {
          while (row.length < column) row.push('');
          row[column] = text;
        }
      } else if (name === 'row' && row) {
        while (rows.length < rowIndex) rows.push([]);
        rows[rowIndex] = row;
        if (row.length > width) width = row.length;
        row = null;
      }
    },
    text(text) {
      if (capture) raw.push(text);
    },
  });
  for (const each of rows) while (each.length < width) each.push('');
  return { sheet: sheetName, rows };
}
