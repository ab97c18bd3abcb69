// Reads BAN files from disk for the CLI (`check-addresses --ban`) and the data build (`npm run data -- --ban`):
// the same streaming reader as the browser (src/domain/ban/read-stream.ts) over a Node file stream.
// Reads: the given BAN CSV files (plain or gzip). Writes: nothing.

import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { BanParser } from '../../src/domain/ban/parse.ts';
import { feedBanStream, type ReadBanResult } from '../../src/domain/ban/read-stream.ts';

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
