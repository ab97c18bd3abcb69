// Reads a BAN file given as a byte stream (a browser `File.stream()` in the Web Worker, `Readable.toWeb` of a file
// in Node): gunzips it when it starts with the gzip magic bytes (DecompressionStream, a web standard in both), decodes
// UTF-8 strictly, and feeds the text to the {@link BanParser}. The same function serves the browser import, the CLI
// `--ban` and `npm run data -- --ban`, so all three keep the same rows and reject the same files.

import { BanFileError, BanParser } from './parse.ts';
import type { BanTable } from './table.ts';

export interface ReadBanOptions {
  communes: ReadonlySet<string>;
  /** File date (ISO `AAAA-MM-JJ`) and name, stored with the table. */
  date: string;
  source: string;
  /** Called every few thousand rows with the compressed bytes read so far and the rows read. */
  onProgress?(bytesRead: number, rows: number): void;
  /** Stops the read (the promise rejects with an `AbortError`). */
  signal?: AbortSignal;
}

export interface ReadBanResult {
  table: BanTable;
  rows: number;
  kept: number;
  skipped: number;
}

const GZIP_MESSAGE =
  'Le fichier compressé (.gz) est incomplet ou abîmé : le téléchargement a sans doute été interrompu. Téléchargez-le à nouveau sur adresse.data.gouv.fr.';
const UTF8_MESSAGE =
  'Ce fichier n’est pas un CSV de la Base Adresse Nationale (texte illisible en UTF-8). Choisissez « adresses-59.csv.gz » téléchargé sur adresse.data.gouv.fr.';

/** Thrown when the read was cancelled. */
export class BanReadAborted extends Error {
  override name = 'AbortError';
}

/**
 * Streams a BAN file into a table of the covered communes. Rejects with a {@link BanFileError} (French message) on a
 * file that is not the BAN, truncated, of another département; with {@link BanReadAborted} when cancelled.
 *
 * @example
 * const { table, kept } = await readBanStream(file.stream(), { communes, date: '2026-11-30', source: file.name });
 */
export async function readBanStream(
  stream: ReadableStream<Uint8Array>,
  options: ReadBanOptions,
): Promise<ReadBanResult> {
  const parser = new BanParser({ communes: options.communes });
  await feedBanStream(stream, parser, options);
  const { table, stats } = parser.finish(options.date, options.source);
  return { table, ...stats };
}

/** Reads one stream into `parser` (without finishing it). */
export async function feedBanStream(
  stream: ReadableStream<Uint8Array>,
  parser: BanParser,
  options: Pick<ReadBanOptions, 'onProgress' | 'signal'>,
): Promise<void> {
  const reader = stream.getReader();
  let bytesRead = 0;
  // Peek at the first bytes to know whether the file is gzip, then replay them into the chain.
  const first = await reader.read();
  if (first.done || first.value.length === 0) throw new BanFileError('Le fichier est vide.');
  const head = first.value;
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      bytesRead += head.length;
      controller.enqueue(head);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else {
        bytesRead += next.value.length;
        controller.enqueue(next.value);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const bytes = gzip
    ? source.pipeThrough(
        new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
      )
    : source;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const text = bytes.getReader();
  let lastReport = 0;
  try {
    for (;;) {
      if (options.signal?.aborted) {
        await text.cancel();
        throw new BanReadAborted('Lecture annulée.');
      }
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await text.read();
      } catch (error) {
        if (error instanceof BanReadAborted) throw error;
        throw new BanFileError(gzip ? GZIP_MESSAGE : 'Le fichier n’a pas pu être lu jusqu’au bout.');
      }
      let decoded: string;
      try {
        decoded = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
      } catch {
        throw new BanFileError(UTF8_MESSAGE);
      }
      if (decoded !== '') parser.push(decoded);
      if (chunk.done) break;
      if (options.onProgress && parser.rows - lastReport >= 20_000) {
        lastReport = parser.rows;
        options.onProgress(bytesRead, parser.rows);
      }
    }
  } finally {
    text.releaseLock();
  }
  options.onProgress?.(bytesRead, parser.rows);
}
