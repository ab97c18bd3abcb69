/// <reference lib="webworker" />
// Web Worker of the « Vérifier un fichier » page: reads the file (CSV or XLSX), keeps the table, checks every row
// with the same domain code as the resident search, and builds the exports. Nothing leaves the device: the only
// requests are for the app's own data files (src/io/data-loader.ts).

import { checkPlacedPoint, checkRetypedAddress, checkRows } from '../domain/batch/check-rows.ts';
import type { ColumnMapping } from '../domain/batch/column-mapping.ts';
import { buildRowQuery, describeColumns, mappedColumns } from '../domain/batch/column-mapping.ts';
import { createDomainRowChecker } from '../domain/batch/domain-row-checker.ts';
import { buildRowCsv, buildSummaryCsv, encodeOutput, exportFileName } from '../domain/batch/export.ts';
import { MAX_BROWSER_FILE_BYTES, TOO_BIG_FOR_BROWSER_MESSAGE } from '../domain/batch/limits.ts';
import { buildPreview, previewCell } from '../domain/batch/preview.ts';
import { BatchInputError, readInputTable } from '../domain/batch/read-input.ts';
import type { RowChecker, RowVerdict } from '../domain/batch/row-checker.ts';
import { summarise } from '../domain/batch/summary.ts';
import type { InputTable } from '../domain/batch/table.ts';
import type { FromWorker, ToWorker } from '../domain/batch/worker-protocol.ts';
import type { BBox } from '../domain/data-types.ts';
import { qpvCollection } from '../domain/qpv-shards.ts';
import { loadBanTable, readStoredBanInfo } from '../io/ban-storage.ts';
import { loadAddresses, loadQpvCatalogue, loadQpvShards, loadStreetIndex } from '../io/data-loader.ts';

declare const self: DedicatedWorkerGlobalScope;

let table: InputTable | null = null;
let fileName = 'fichier';
let mapping: ColumnMapping = {};
let verdicts: RowVerdict[] | null = null;
let cancelled = false;
/** The checker with the covered area's QPV shards, and the one with every shard (coordinates elsewhere in France). */
let checkerPromise: Promise<RowChecker> | null = null;
let fullCheckerPromise: Promise<RowChecker> | null = null;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Which BAN the checker was built with: an import or a removal on the page makes a new checker. */
let checkerBan: string | null = null;

async function banSignature(): Promise<string> {
  const info = await readStoredBanInfo();
  return info ? `${info.date}|${info.source}|${info.rows}` : '';
}

/**
 * The row checker, built from the compact street index (data/streets.json) and the QPV shards — never the road or
 * QPV GeoJSON. Addresses are all in the covered area, whose shards answer them; only a file with coordinates outside
 * it (or a point placed there by hand) needs every QPV of France: `full` then loads every shard (≈ 0.3 MB gzip).
 */
async function getChecker(full = false): Promise<RowChecker> {
  const signature = await banSignature();
  if (signature !== checkerBan) {
    checkerPromise = null;
    fullCheckerPromise = null;
    checkerBan = signature;
  }
  if (full) {
    fullCheckerPromise ??= Promise.all([
      loadQpvCatalogue().then((catalogue) => loadQpvShards(catalogue.shards.map((s) => s.id))),
      loadStreetIndex(),
      loadAddresses(),
      loadBanTable(),
    ]).then(([features, streetIndex, addresses, ban]) =>
      createDomainRowChecker({ qpv: qpvCollection(features), streetIndex, addresses, ban }),
    );
    fullCheckerPromise.catch(() => {
      fullCheckerPromise = null;
    });
    return fullCheckerPromise;
  }
  checkerPromise ??= Promise.all([
    loadStreetIndex().then(async (streetIndex) => ({
      streetIndex,
      features: await loadQpvShards(streetIndex.coverage.shards),
    })),
    loadAddresses(),
    loadBanTable(),
  ]).then(([{ streetIndex, features }, addresses, ban]) =>
    createDomainRowChecker({ qpv: qpvCollection(features), streetIndex, partial: true, addresses, ban }),
  );
  checkerPromise.catch(() => {
    checkerPromise = null;
  });
  return checkerPromise;
}

const outside = ([x0, y0, x1, y1]: BBox, lon: number, lat: number) =>
  !(lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1);

/** Whether a point lies outside the area whose QPV shards come with the street index. */
async function outsideCoverage(lon: number, lat: number): Promise<boolean> {
  return outside((await loadStreetIndex()).coverage.bbox, lon, lat);
}

/** Whether some row of the table has coordinates outside the covered area. */
async function needsEveryShard(
  rows: readonly (readonly string[])[],
  chosen: ColumnMapping,
): Promise<boolean> {
  if (chosen.longitude === undefined || chosen.latitude === undefined) return false;
  const box = (await loadStreetIndex()).coverage.bbox;
  return rows.some((row) => {
    const q = buildRowQuery(row, chosen);
    return q.ok && q.query.kind === 'point' && outside(box, q.query.lon, q.query.lat);
  });
}

/** Lets queued messages (« annuler ») run between chunks. A MessageChannel hop is faster than setTimeout(0). */
function yieldControl(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function read(request: number, name: string, bytes: ArrayBuffer): Promise<void> {
  table = null;
  verdicts = null;
  fileName = name;
  try {
    if (bytes.byteLength > MAX_BROWSER_FILE_BYTES) throw new BatchInputError(TOO_BIG_FOR_BROWSER_MESSAGE);
    table = await readInputTable(new Uint8Array(bytes));
  } catch (error) {
    const message =
      error instanceof BatchInputError
        ? error.message
        : 'Le fichier n’a pas pu être lu. Vérifiez qu’il s’agit d’un CSV ou d’un XLSX.';
    post({ type: 'erreur', stage: 'lecture', message, request });
    return;
  }
  const guess = describeColumns(table);
  mapping = guess.mapping;
  post({ type: 'table', request, preview: buildPreview(name, table, guess.mapping, guess.problem) });
  // Start loading the data while the user checks the column mapping.
  getChecker().catch(() => undefined);
}

async function verify(chosen: ColumnMapping): Promise<void> {
  if (!table) return;
  mapping = chosen;
  cancelled = false;
  // The bar says what happens before the first row: the outlines and streets load (seconds on a phone).
  post({ type: 'progression', done: 0, total: table.rows.length, etape: 'donnees' });
  let checker: RowChecker;
  try {
    checker = await getChecker(await needsEveryShard(table.rows, chosen));
  } catch (error) {
    post({
      type: 'erreur',
      stage: 'donnees',
      message: `Les données des quartiers n’ont pas pu être chargées : ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  const started = performance.now();
  // Chunks of at most PROGRESS_ROWS rows or PROGRESS_MS (check-rows.ts): a message each, the bar moves at once.
  post({ type: 'progression', done: 0, total: table.rows.length, etape: 'verification' });
  const result = await checkRows(table.rows, chosen, checker, {
    yieldControl,
    isCancelled: () => cancelled,
    onProgress: ({ done, total }) => post({ type: 'progression', done, total, etape: 'verification' }),
  });
  if (!result) {
    post({ type: 'annule' });
    return;
  }
  verdicts = result;
  const columns = mappedColumns(chosen);
  const addresses = table.rows.map((row) =>
    columns
      .map((index) => (row[index] ?? '').trim())
      .filter(Boolean)
      .map(previewCell)
      .join(' · '),
  );
  post({
    type: 'resultats',
    verdicts: result,
    addresses,
    summary: summarise(result),
    geographyVersion: checker.geographyVersion,
    durationMs: Math.round(performance.now() - started),
  });
}

async function correct(index: number, lon: number, lat: number): Promise<void> {
  if (!verdicts?.[index]) return;
  const checker = await getChecker(await outsideCoverage(lon, lat));
  const verdict = checkPlacedPoint(lon, lat, checker);
  verdicts[index] = verdict;
  post({ type: 'corrige', index, verdict, summary: summarise(verdicts) });
}

async function correctAddress(index: number, text: string): Promise<void> {
  if (!verdicts?.[index]) return;
  const checker = await getChecker();
  const verdict = checkRetypedAddress(text, checker);
  verdicts[index] = verdict;
  post({ type: 'corrige', index, verdict, summary: summarise(verdicts) });
}

async function exportFile(message: Extract<ToWorker, { type: 'exporter' }>): Promise<void> {
  if (!table || !verdicts) return;
  const checker = await getChecker();
  const date = new Date();
  try {
    const text =
      message.kind === 'lignes'
        ? buildRowCsv(table, verdicts, {
            delimiter: message.delimiter,
            minimise: message.minimise,
            mapping,
            dropped: message.dropped ?? [],
          })
        : buildSummaryCsv(
            summarise(verdicts),
            { geographyVersion: checker.geographyVersion, date },
            message.delimiter,
          );
    const encoded = encodeOutput(text, message.encoding);
    const bytes = encoded.bytes.buffer.slice(
      encoded.bytes.byteOffset,
      encoded.bytes.byteOffset + encoded.bytes.byteLength,
    ) as ArrayBuffer;
    post(
      {
        type: 'export',
        kind: message.kind,
        fileName: exportFileName(fileName, message.kind, checker.geographyVersion, date),
        bytes,
        replaced: encoded.replaced,
        replacedSamples: encoded.replacedSamples,
      },
      [bytes],
    );
  } catch (error) {
    post({
      type: 'erreur',
      stage: 'export',
      message: `Export impossible : ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'lire':
      void read(message.request, message.name, message.bytes);
      break;
    case 'verifier':
      void verify(message.mapping);
      break;
    case 'annuler':
      cancelled = true;
      break;
    case 'corriger':
      void correct(message.index, message.lon, message.lat);
      break;
    case 'corriger-adresse':
      void correctAddress(message.index, message.text);
      break;
    case 'exporter':
      void exportFile(message);
      break;
  }
};
