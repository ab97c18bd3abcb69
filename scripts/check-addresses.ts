// check-addresses.ts — `npm run check-addresses -- INPUT.csv [-o OUTPUT.csv] [--utf8] [--minimiser] [--retirer COL]…`
//
// Reads: INPUT (CSV in UTF-8 / UTF-8 BOM / Windows-1252 / UTF-16, delimiter `;` `,` or tab; or XLSX, even renamed
//   .csv), and data/qpv-2024.geojson, data/roads.geojson, data/communes.geojson, data/addresses.json (optional).
// Writes: OUTPUT (or stdout): every input row, every original column in order, then qpv_statut, qpv_code, qpv_nom,
//   precision, libelle_trouve, longitude, latitude, motif — same encoding and delimiter as the input unless --utf8;
//   every cell neutralised against formula injection (src/domain/batch/neutralise.ts). --minimiser keeps only the
//   address columns; --retirer COLONNE (repeatable) leaves out one column named as the browser names it (matching:
//   scripts/lib/cli-columns.ts), never one the check uses — the browser's `dropped`. OUTPUT is written to a
//   temporary file beside it, renamed at the end: a failure never leaves half a file, and OUTPUT may never be INPUT.
//   A summary (counts, share in QPV, geography version) and the reading warnings go to stderr, in French.
// This file wires the command: its arguments (scripts/lib/cli-arguments.ts), the input read from disk
// (scripts/lib/cli-input.ts), the output written safely (scripts/lib/cli-output.ts), the columns to leave out
// (scripts/lib/cli-columns.ts). Reading, mapping, checking and writing are the domain functions the browser's worker
// uses (src/domain/batch/*), so both give byte-identical exports (tests/unit/batch-same-path).
// CSV is streamed from disk (only the first 64 KiB are read to sniff it); XLSX and UTF-16 files are read whole,
// within the limits of src/domain/batch/limits.ts.
// Exit status: 0 done (or the reader of stdout closed it early); 1 unreadable input or unwritable output;
// 2 bad arguments (also an unknown column or an address column after --retirer; then nothing is written).

import { existsSync, readFileSync, type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BanFileError } from '../src/domain/ban/parse.ts';
import { checkRow } from '../src/domain/batch/check-rows.ts';
import {
  type ColumnMapping,
  describeColumns,
  mappingProblem,
  ROLE_LABELS,
} from '../src/domain/batch/column-mapping.ts';
import { sniffFileKind } from '../src/domain/batch/decode.ts';
import { type BatchData, createDomainRowChecker } from '../src/domain/batch/domain-row-checker.ts';
import { buildRowCsv, defaultOutputDelimiter, defaultOutputEncoding } from '../src/domain/batch/export.ts';
import { MAX_BROWSER_FILE_BYTES, SNIFF_BYTES } from '../src/domain/batch/limits.ts';
import { BatchInputError, readInputTable } from '../src/domain/batch/read-input.ts';
import type { RowChecker } from '../src/domain/batch/row-checker.ts';
import {
  checkCsvStream,
  EncodingError,
  planCsvStream,
  streamMapping,
} from '../src/domain/batch/stream-check.ts';
import { type BatchSummary, summarise } from '../src/domain/batch/summary.ts';
import type {
  AddressTable,
  CommuneCollection,
  QpvCollection,
  RoadCollection,
} from '../src/domain/data-types.ts';
import { formatShare } from '../src/domain/format.ts';

import { loadBanShardsFromDisk, readBanFiles } from './lib/ban-file.ts';
import { type CheckAddressesOptions, parseArguments, USAGE } from './lib/cli-arguments.ts';
import { removedColumns, UsageError } from './lib/cli-columns.ts';
import { fileRowSource, readHead } from './lib/cli-input.ts';
import { checkOutputPath, describeSystemError, type Output, openOutput } from './lib/cli-output.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** Loads the datasets of data/ for the checker (Node side of src/io/data-loader.ts). */
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

function requireMapping(mapping: ColumnMapping, columnNames: string[]): ColumnMapping {
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

/** Adds the BAN files given with `--ban` (same reader and rules as the browser) to the data. */
async function withBan(
  data: BatchData,
  files: readonly string[],
  log: (line: string) => void,
): Promise<BatchData> {
  if (files.length === 0) return data;
  for (const file of files) if (!existsSync(file)) throw new BatchInputError(`Fichier introuvable : ${file}`);
  const communes = new Set((data.communes?.features ?? []).map((f) => f.properties.insee));
  const ban = await readBanFiles(files, communes);
  log(
    `Base Adresse Nationale du ${ban.table.date} : ${ban.kept} adresses de ${ban.table.communes.length} commune(s) couverte(s) sur ${ban.rows} lues.`,
  );
  return { ...data, ban: ban.table };
}

async function run(
  options: CheckAddressesOptions,
  log: (line: string) => void,
  setOutput: (output: Output) => void,
  loadData: () => BatchData,
) {
  const input = options.input;
  let inputStats: Stats;
  try {
    inputStats = statSync(input);
  } catch {
    throw new BatchInputError(`Fichier introuvable : ${input}`);
  }
  if (inputStats.isDirectory()) throw new BatchInputError(`« ${input} » est un dossier, pas un fichier.`);
  const target = options.output ? checkOutputPath(inputStats, options.output) : null;
  // One byte more than sniffed: tells the sniffer whether the file goes on.
  const head = readHead(input, SNIFF_BYTES + 1);
  const kind = sniffFileKind(head);
  const checker: RowChecker = createDomainRowChecker(await withBan(loadData(), options.ban, log));
  let summary: BatchSummary;
  let replaced = 0;
  if (kind === 'texte' && !(head[0] === 0xff && head[1] === 0xfe)) {
    const source = fileRowSource(input);
    const plan = await planCsvStream(head, source);
    const mapping = requireMapping(streamMapping(plan), plan.table.columnNames);
    const csv = plan.table.source.kind === 'csv' ? plan.table.source : null;
    log(
      `Lecture : CSV ${csv?.encoding}, séparateur « ${csv?.delimiter === '\t' ? 'tab' : csv?.delimiter} », ${plan.table.header ? 'avec' : 'sans'} en-tête, ${plan.rowCount} ligne(s). Colonnes : ${describeMapping(mapping, plan.table.columnNames)}.`,
    );
    for (const warning of plan.table.warnings) log(`Attention : ${warning}`);
    const dropped = removedColumns(options, plan.table.columnNames, mapping, log);
    const encoding = options.utf8 ? 'utf-8-bom' : (csv?.encoding ?? 'utf-8');
    const output = openOutput(target, encoding);
    setOutput(output);
    summary = await checkCsvStream(plan, source, checker, mapping, (text) => output.write(text), {
      minimise: options.minimise,
      dropped,
    });
    await output.close();
    replaced = output.replaced;
  } else {
    // XLSX (a zip is read from its end), UTF-16, or a file refused by its first bytes: read whole, within limits.
    if (inputStats.size > MAX_BROWSER_FILE_BYTES) {
      throw new BatchInputError(
        `Le fichier dépasse ${MAX_BROWSER_FILE_BYTES / 1024 / 1024} Mo : enregistrez-le au format CSV (UTF-8 ou point-virgule), qui est lu par morceaux.`,
      );
    }
    const bytes = kind === 'texte' || kind === 'xlsx' ? new Uint8Array(readFileSync(input)) : head;
    if (kind === 'xlsx')
      log('Le fichier est un classeur Excel (XLSX), quel que soit son nom : lu comme tel.');
    if (kind === 'texte') log('Le fichier est en UTF-16 (« Texte Unicode » d’Excel) : lu en entier.');
    const table = await readInputTable(bytes);
    const mapping = requireMapping(describeColumns(table).mapping, table.columnNames);
    const what = table.source.kind === 'xlsx' ? 'classeur XLSX' : `texte ${table.source.encoding}`;
    log(
      `Lecture : ${what}, ${table.rows.length} ligne(s). Colonnes : ${describeMapping(mapping, table.columnNames)}.`,
    );
    for (const warning of table.warnings) log(`Attention : ${warning}`);
    const dropped = removedColumns(options, table.columnNames, mapping, log);
    const verdicts = table.rows.map((row) => checkRow(row, mapping, checker));
    summary = summarise(verdicts);
    const text = buildRowCsv(table, verdicts, {
      delimiter: defaultOutputDelimiter(table),
      minimise: options.minimise,
      mapping,
      dropped,
    });
    const output = openOutput(target, options.utf8 ? 'utf-8-bom' : defaultOutputEncoding(table));
    setOutput(output);
    await output.write(text);
    await output.close();
    replaced = output.replaced;
  }
  if (replaced > 0) {
    log(
      `Attention : ${replaced} caractère(s) non représentable(s) en Windows-1252 remplacé(s) par « ? » (utilisez --utf8).`,
    );
  }
  return { summary, geographyVersion: checker.geographyVersion };
}

/** Runs the CLI; returns the exit status. Every failure is one French line on stderr. */
export async function main(
  argv: readonly string[],
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  loadData: () => BatchData = () => loadBatchDataFromDisk(),
): Promise<number> {
  let options: CheckAddressesOptions;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) log(`Erreur : ${error.message}`);
      log(USAGE);
      return error.message ? 2 : 0;
    }
    log(`Erreur : ${describeSystemError(error)}`);
    return 2;
  }
  const started = performance.now();
  let output: Output | null = null;
  try {
    const { summary, geographyVersion } = await run(
      options,
      log,
      (opened) => {
        output = opened;
      },
      loadData,
    );
    const seconds = (performance.now() - started) / 1000;
    log(
      `${summary.total} ligne(s) vérifiée(s) en ${seconds.toFixed(1)} s : ${summary.counts.dans} dans un QPV (${formatShare(summary.shareInQpv, { fixed: true })}), ${summary.counts.hors} hors QPV, ${summary.counts.limite} en limite, ${summary.counts.introuvable} introuvable(s).`,
    );
    log(
      `Géographie ${geographyVersion} ; test géométrique indicatif, seule la réponse de sig.ville.gouv.fr fait foi.`,
    );
    return 0;
  } catch (error) {
    (output as Output | null)?.abort();
    // A UsageError here is a column named after --retirer (found once the file is read): exit status 2.
    if (error instanceof UsageError || error instanceof BatchInputError || error instanceof BanFileError)
      log(`Erreur : ${error.message}`);
    else if (error instanceof EncodingError)
      log('Erreur : le fichier n’est pas un texte lisible (encodage inconnu).');
    else log(`Erreur : le fichier n’a pas pu être traité (${describeSystemError(error)}).`);
    return error instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The reader of stdout may close it early (`… | head`): stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`Erreur : sortie standard inutilisable (${describeSystemError(error)}).\n`);
    process.exit(1);
  });
  process.on('uncaughtException', (error) => {
    process.stderr.write(`Erreur : arrêt inattendu (${describeSystemError(error)}).\n`);
    process.exit(1);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
