// Reads BAN files from disk for the CLI (`check-addresses --ban`) and the data build (`npm run data -- --ban`):
// the same streaming reader as the browser (src/domain/ban/read-stream.ts) over a Node file stream.
// Reads: the given BAN CSV files (plain or gzip), or the shipped shards `data/ban/*.json`. Writes: nothing.

import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { BanFileError, BanParser } from '../../src/domain/ban/parse.ts';
import { feedBanStream, type ReadBanResult } from '../../src/domain/ban/read-stream.ts';
import { banTableFromShard } from '../../src/domain/ban/shard.ts';
import { type BanTable, mergeBanTables } from '../../src/domain/ban/table.ts';

/** ISO date (UTC) of a file's last modification: the BAN CSV carries no date of its own. */
export function fileDate(path: string): string {
  return statSync(path).mtime.toISOString().slice(0, 10);
}

/**
 * Reads one or more BAN files (a département file, or commune files) into one table of the covered communes.
 *
 * @example
 * const { table } = await readBanFiles(['adresses-59.csv.gz'], new Set(['59163']));
 */
export async function readBanFiles(
  paths: readonly string[],
  communes: ReadonlySet<string>,
): Promise<ReadBanResult> {
  const parser = new BanParser({ communes });
  for (const path of paths) {
    const stream = Readable.toWeb(
      createReadStream(path, { highWaterMark: 1 << 20 }),
    ) as ReadableStream<Uint8Array>;
    await feedBanStream(stream, parser, {});
  }
  const dates = paths.map(fileDate).sort();
  const { table, stats } = parser.finish(dates[dates.length - 1]!, paths.map((p) => basename(p)).join(', '));
  return { table, ...stats };
}

/** The shipped per-commune tables (`data/ban/*.json`) merged, or null when there are none. */
export function loadBanShardsFromDisk(dir: string): BanTable | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return mergeBanTables(files.map((f) => banTableFromShard(JSON.parse(readFileSync(join(dir, f), 'utf8')))));
}

/**
 * Synchronous read for `npm run data -- --ban FILE` (the data build is synchronous): the same parser and rules as
 * the streaming reader, fed from the whole file gunzipped in memory.
 */
export function readBanFileSync(
  path: string,
  communes: ReadonlySet<string>,
): ReadBanResult & { bytes: Uint8Array } {
  const raw = new Uint8Array(readFileSync(path));
  let text: Uint8Array = raw;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      text = gunzipSync(raw);
    } catch {
      throw new BanFileError(
        `${basename(path)} : le fichier compressé (.gz) est incomplet ou abîmé. Téléchargez-le à nouveau sur adresse.data.gouv.fr.`,
      );
    }
  }
  const parser = new BanParser({ communes });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const CHUNK = 1 << 22;
  try {
    for (let at = 0; at < text.length; at += CHUNK)
      parser.push(decoder.decode(text.subarray(at, at + CHUNK), { stream: at + CHUNK < text.length }));
  } catch (error) {
    if (error instanceof BanFileError) throw error;
    throw new BanFileError(
      `${basename(path)} : texte illisible en UTF-8, ce n’est pas un CSV de la Base Adresse Nationale.`,
    );
  }
  const { table, stats } = parser.finish(fileDate(path), basename(path));
  return { table, ...stats, bytes: raw };
}
