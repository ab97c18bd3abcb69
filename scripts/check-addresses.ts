// check-addresses.ts — `npm run check-addresses -- INPUT.csv [-o OUTPUT.csv] [--utf8] [--minimiser]`
//
// Reads: INPUT (CSV in UTF-8 / UTF-8 BOM / Windows-1252, delimiter `;` `,` or tab; or XLSX, even renamed .csv),
//   and data/qpv-2024.geojson, data/roads.geojson, data/communes.geojson, data/addresses.json
//   (optional) of this repository.
// Writes: OUTPUT (or stdout): every input row, every original column in order, then qpv_statut, qpv_code, qpv_nom,
//   precision, libelle_trouve, longitude, latitude, motif — same encoding and delimiter as the input unless --utf8.
//   A summary (counts, share in QPV, geography version) goes to stderr.
// Same detection, mapping and verdict code as the browser page (src/domain/batch/*), so both give the same answers.
// CSV input is streamed (two passes: one to check the encoding and measure the widest row, one to check and write),
// so a 200 000-row file never sits in memory twice. XLSX is read whole (a zip cannot be streamed row by row).
// Exit status: 0 done; 1 unreadable input (missing, empty, binary, .xls, no address column); 2 bad arguments.

import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Transform } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { BanFileError } from '../src/domain/ban/parse.ts';
import { checkRow } from '../src/domain/batch/check-rows.ts';
import {
  type ColumnMapping,
  guessMapping,
  looksLikeHeader,
  mappingProblem,
  ROLE_LABELS,
} from '../src/domain/batch/column-mapping.ts';
import { detectDelimiter, isBlankRow } from '../src/domain/batch/csv.ts';
import { hasUtf8Bom, sniffFileKind, type TextEncodingName } from '../src/domain/batch/decode.ts';
import { type BatchData, createDomainRowChecker } from '../src/domain/batch/domain-row-checker.ts';
import {
  buildRowCsv,
  csvLine,
  defaultOutputDelimiter,
  defaultOutputEncoding,
  encodeOutput,
  exportedColumns,
  exportHeader,
  exportRow,
} from '../src/domain/batch/export.ts';
import { BatchInputError, readInputTable, type XlsxReader } from '../src/domain/batch/read-input.ts';
import type { RowChecker, RowVerdict } from '../src/domain/batch/row-checker.ts';
import { formatShare, summarise } from '../src/domain/batch/summary.ts';
import { type Delimiter, type InputTable, makeColumnNames } from '../src/domain/batch/table.ts';
import { decodeWindows1252 } from '../src/domain/batch/windows-1252.ts';
import type {
  AddressTable,
  CommuneCollection,
  QpvCollection,
  RoadCollection,
} from '../src/domain/data-types.ts';

import { loadBanShardsFromDisk, readBanFiles } from './lib/ban-file.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** Loads the datasets of data/ for the checker (Node side of src/data-loader.ts). */
export function loadBatchDataFromDisk(root = ROOT): BatchData {
  const json = <T>(name: string): T => JSON.parse(readFileSync(resolve(root, 'data', name), 'utf8')) as T;
  const addressesPath = resolve(root, 'data/addresses.json');
  return {
    qpv: json<QpvCollection>('qpv-2024.geojson'),
    roads: json<RoadCollection>('roads.geojson'),
    communes: json<CommuneCollection>('communes.geojson'),
    addresses: existsSync(addressesPath) ? json<AddressTable>('addresses.json') : null,
    ban: loadBanShardsFromDisk(resolve(root, 'data/ban')),
  };
}

export const readXlsxNode: XlsxReader = async (bytes) => {
  const sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const first = sheets[0];
  if (!first) throw new Error('classeur sans feuille');
  return { sheet: first.sheet, rows: first.data };
};

interface Options {
  input: string;
  output: string | null;
  utf8: boolean;
  minimise: boolean;
  /** BAN files (`--ban`, repeatable): house-number answers. */
  ban: string[];
}

class UsageError extends Error {}

const USAGE = `Usage : npm run check-addresses -- FICHIER.csv|FICHIER.xlsx [-o RESULTAT.csv] [--utf8] [--minimiser]
  -o, --output FICHIER  écrit le résultat dans FICHIER (sinon sur la sortie standard)
  --utf8                écrit en UTF-8 avec BOM (par défaut : même encodage que l’entrée)
  --minimiser           ne garde que les colonnes d’adresse (minimisation des données)
  --ban FICHIER         Base Adresse Nationale (adresses-59.csv.gz ou adresses-<insee>.csv) : réponses au numéro`;

function parseArguments(argv: readonly string[]): Options {
  let input: string | null = null;
  let output: string | null = null;
  let utf8 = false;
  let minimise = false;
  const ban: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '-o' || argument === '--output') {
      output = argv[index + 1] ?? null;
      if (!output) throw new UsageError('Il manque le nom du fichier après -o.');
      index += 1;
    } else if (argument === '--ban') {
      const file = argv[index + 1];
      if (!file) throw new UsageError('Il manque le nom du fichier après --ban.');
      ban.push(file);
      index += 1;
    } else if (argument === '--utf8') utf8 = true;
    else if (argument === '--minimiser') minimise = true;
    else if (argument === '-h' || argument === '--help') throw new UsageError('');
    else if (argument.startsWith('-')) throw new UsageError(`Option inconnue : ${argument}`);
    else if (input === null) input = argument;
    else throw new UsageError(`Un seul fichier d’entrée à la fois (reçu aussi « ${argument} »).`);
  }
  if (!input) throw new UsageError('Indiquez le fichier à vérifier.');
  return { input, output, utf8, minimise, ban };
}

/** A Node stream transform decoding bytes with a WHATWG TextDecoder (fatal for UTF-8: throws on bad bytes). */
function decoderStream(encoding: 'utf-8' | 'windows-1252', skipBom: boolean): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: !skipBom });
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (encoding === 'windows-1252') {
        callback(null, decodeWindows1252(chunk));
        return;
      }
      try {
        callback(null, decoder.decode(chunk, { stream: true }));
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      if (encoding === 'windows-1252') {
        callback(null, '');
        return;
      }
      try {
        callback(null, decoder.decode());
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

/** Streams the CSV rows of a file; `onRow` may return a promise to apply back-pressure. */
function streamRows(
  path: string,
  encoding: 'utf-8' | 'windows-1252',
  delimiter: Delimiter,
  onRow: (row: string[]) => void | Promise<void>,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const source = createReadStream(path);
    const text = source.pipe(decoderStream(encoding, true));
    source.on('error', reject);
    text.on('error', reject);
    Papa.parse<string[]>(text as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      step(results, parser) {
        const pending = onRow(results.data);
        if (pending) {
          parser.pause();
          pending.then(() => parser.resume(), reject);
        }
      },
      complete: () => resolvePromise(),
      error: (error: Error) => reject(error),
    });
  });
}

interface CsvPlan {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  header: string[] | null;
  width: number;
  rowCount: number;
  sample: string[][];
}

/** Pass 1: encoding (strict UTF-8, else Windows-1252), delimiter, header, widest row, row count. */
async function planCsv(path: string): Promise<CsvPlan> {
  const head = readHead(path, 65_536);
  const bom = hasUtf8Bom(head);
  const measure = async (encoding: 'utf-8' | 'windows-1252') => {
    let delimiter: Delimiter = ';';
    const sampleText = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(head) : decodeWindows1252(head);
    delimiter = detectDelimiter(sampleText) ?? ';';
    const rows: string[][] = [];
    let width = 0;
    let count = 0;
    let blanks = 0;
    await streamRows(path, encoding, delimiter, (row) => {
      if (isBlankRow(row)) {
        blanks += 1;
        return;
      }
      count += blanks + 1;
      blanks = 0;
      if (row.length > width) width = row.length;
      if (rows.length < 60) rows.push(row);
    });
    return { delimiter, rows, width, count };
  };
  let encoding: TextEncodingName = bom ? 'utf-8-bom' : 'utf-8';
  let measured: Awaited<ReturnType<typeof measure>>;
  try {
    measured = await measure('utf-8');
  } catch (error) {
    if (!(error instanceof TypeError) || bom) throw error;
    // Not valid UTF-8 (TextDecoder fatal throws a TypeError): an Excel « CSV (séparateur : point-virgule) ».
    encoding = 'windows-1252';
    measured = await measure('windows-1252');
  }
  if (measured.count === 0) throw new BatchInputError('Le fichier est vide : aucune ligne à vérifier.');
  const hasHeader = looksLikeHeader(measured.rows.slice(0, 6));
  if (hasHeader && measured.count === 1) {
    throw new BatchInputError('Le fichier ne contient que la ligne d’en-tête : aucune adresse à vérifier.');
  }
  return {
    encoding,
    delimiter: measured.delimiter,
    header: hasHeader ? measured.rows[0]!.map((cell) => cell.trim()) : null,
    width: measured.width,
    rowCount: measured.count - (hasHeader ? 1 : 0),
    sample: hasHeader ? measured.rows.slice(1) : measured.rows,
  };
}

function readHead(path: string, size: number): Uint8Array {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, Math.min(size, buffer.length));
}

interface Output {
  write(text: string): void | Promise<void>;
  close(): Promise<void>;
  replaced: number;
}

function openOutput(path: string | null, encoding: TextEncodingName): Output {
  const stream: NodeJS.WritableStream = path ? createWriteStream(path) : process.stdout;
  let first = true;
  const output: Output = {
    replaced: 0,
    write(text) {
      let bytes: Uint8Array;
      if (encoding === 'windows-1252') {
        const encoded = encodeOutput(text, 'windows-1252');
        output.replaced += encoded.replaced;
        bytes = encoded.bytes;
      } else if (encoding === 'utf-16le') {
        const encoded = encodeOutput(text, 'utf-16le').bytes;
        bytes = first ? encoded : encoded.subarray(2);
      } else bytes = encodeOutput(text, first && encoding === 'utf-8-bom' ? 'utf-8-bom' : 'utf-8').bytes;
      first = false;
      if (!stream.write(bytes))
        return new Promise((resolvePromise) => stream.once('drain', () => resolvePromise()));
    },
    close() {
      if (!path) return Promise.resolve();
      return new Promise((resolvePromise, reject) => {
        stream.end(() => resolvePromise());
        stream.on('error', reject);
      });
    },
  };
  return output;
}

function requireMapping(columnNames: string[], sample: string[][]): ColumnMapping {
  const mapping = guessMapping(columnNames, sample);
  const problem = mappingProblem(mapping);
  if (problem) {
    throw new BatchInputError(
      `Aucune colonne d’adresse reconnue parmi : ${columnNames.map((name) => `« ${name} »`).join(', ')}. ${problem} Nommez par exemple une colonne « Adresse », ou « N° », « Voie », « Code postal », « Commune », ou « longitude » et « latitude ».`,
    );
  }
  return mapping;
}

function describeMapping(mapping: ColumnMapping, columnNames: string[]): string {
  return Object.entries(mapping)
    .map(
      ([role, index]) =>
        `${ROLE_LABELS[role as keyof typeof ROLE_LABELS]} = « ${columnNames[index as number]} »`,
    )
    .join(', ');
}

async function runCsv(
  options: Options,
  checker: RowChecker,
  log: (line: string) => void,
): Promise<RowVerdict[]> {
  const plan = await planCsv(options.input);
  const columnNames = makeColumnNames(plan.header, plan.width);
  const mapping = requireMapping(columnNames, plan.sample);
  const outputEncoding: TextEncodingName = options.utf8 ? 'utf-8-bom' : plan.encoding;
  log(
    `Lecture : CSV ${plan.encoding}, séparateur « ${plan.delimiter === '\t' ? 'tab' : plan.delimiter} », ${plan.header ? 'avec' : 'sans'} en-tête, ${plan.rowCount} ligne(s). Colonnes : ${describeMapping(mapping, columnNames)}.`,
  );
  const table: InputTable = {
    header: plan.header,
    columnNames,
    rows: [],
    source: { kind: 'csv', encoding: plan.encoding, delimiter: plan.delimiter },
    warnings: [],
  };
  const columns = exportedColumns(table, { minimise: options.minimise, mapping });
  const output = openOutput(options.output, outputEncoding);
  const verdicts: RowVerdict[] = [];
  let headerSkipped = plan.header === null;
  let blanks: string[][] = [];
  const emit = (row: string[]) => {
    const verdict = checkRow(row, mapping, checker);
    verdicts.push({ ...verdict, label: '', motif: '' });
    return output.write(csvLine(exportRow(row, verdict, columns, plan.delimiter), plan.delimiter));
  };
  await output.write(csvLine(exportHeader(table, columns), plan.delimiter));
  await streamRows(
    options.input,
    plan.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
    plan.delimiter,
    async (row) => {
      if (isBlankRow(row)) {
        // Blank lines inside the file are rows of the user's file; trailing ones (final newline) are not.
        blanks.push(row);
        return;
      }
      if (!headerSkipped) {
        headerSkipped = true;
        blanks = [];
        return;
      }
      for (const blank of blanks) await emit(blank);
      blanks = [];
      await emit(row);
    },
  );
  await output.close();
  if (output.replaced > 0) {
    log(
      `Attention : ${output.replaced} caractère(s) non représentable(s) en Windows-1252 remplacé(s) par « ? » (utilisez --utf8).`,
    );
  }
  return verdicts;
}

async function runWhole(
  options: Options,
  checker: RowChecker,
  bytes: Uint8Array,
  log: (line: string) => void,
) {
  const table = await readInputTable(bytes, readXlsxNode);
  const mapping = requireMapping(table.columnNames, table.rows.slice(0, 50));
  const what = table.source.kind === 'xlsx' ? 'classeur XLSX' : `texte ${table.source.encoding}`;
  log(
    `Lecture : ${what}, ${table.rows.length} ligne(s). Colonnes : ${describeMapping(mapping, table.columnNames)}.`,
  );
  for (const warning of table.warnings) log(warning);
  const verdicts = table.rows.map((row) => checkRow(row, mapping, checker));
  const delimiter = defaultOutputDelimiter(table);
  const text = buildRowCsv(table, verdicts, { delimiter, minimise: options.minimise, mapping });
  const output = openOutput(options.output, options.utf8 ? 'utf-8-bom' : defaultOutputEncoding(table));
  await output.write(text);
  await output.close();
  return verdicts;
}

/** Runs the CLI; returns the exit status. */
export async function main(
  argv: readonly string[],
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
) {
  let options: Options;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) log(`Erreur : ${error.message}`);
      log(USAGE);
      return error.message ? 2 : 0;
    }
    throw error;
  }
  const started = performance.now();
  try {
    if (!existsSync(options.input)) throw new BatchInputError(`Fichier introuvable : ${options.input}`);
    const head = readHead(options.input, 4096);
    const kind = sniffFileKind(head);
    const data = loadBatchDataFromDisk();
    if (options.ban.length > 0) {
      for (const file of options.ban)
        if (!existsSync(file)) throw new BatchInputError(`Fichier introuvable : ${file}`);
      const communes = new Set(data.communes.features.map((f) => f.properties.insee));
      const ban = await readBanFiles(options.ban, communes);
      data.ban = ban.table;
      log(
        `Base Adresse Nationale du ${ban.table.date} : ${ban.kept} adresses de ${ban.table.communes.length} commune(s) couverte(s) sur ${ban.rows} lues.`,
      );
    }
    const checker = createDomainRowChecker(data);
    let verdicts: RowVerdict[];
    // UTF-16 (Excel « Texte Unicode ») is rare and small: read whole rather than streamed.
    if (kind === 'texte' && !(head[0] === 0xff && head[1] === 0xfe))
      verdicts = await runCsv(options, checker, log);
    else {
      const bytes = new Uint8Array(readFileSync(options.input));
      if (kind === 'xlsx')
        log('Le fichier est un classeur Excel (XLSX), quel que soit son nom : lu comme tel.');
      if (kind === 'texte') log('Le fichier est en UTF-16 (« Texte Unicode » d’Excel) : lu en entier.');
      verdicts = await runWhole(options, checker, bytes, log);
    }
    const summary = summarise(verdicts);
    const seconds = (performance.now() - started) / 1000;
    log(
      `${summary.total} ligne(s) vérifiée(s) en ${seconds.toFixed(1)} s : ${summary.counts.dans} dans un QPV (${formatShare(summary.shareInQpv)}), ${summary.counts.hors} hors QPV, ${summary.counts.limite} en limite, ${summary.counts.introuvable} introuvable(s).`,
    );
    log(
      `Géographie ${checker.geographyVersion} ; test géométrique indicatif, seule la réponse de sig.ville.gouv.fr fait foi.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BatchInputError || error instanceof BanFileError) {
      log(`Erreur : ${error.message}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    log(`Erreur : le fichier n’a pas pu être lu (${message}).`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
