/**
 * Reading the input file of `npm run check-addresses` (scripts/check-addresses.ts): its first bytes (to sniff its
 * kind and encoding), and its CSV rows streamed from disk through papaparse, decoded on the way (UTF-8, fatal on a
 * bad byte when asked, or Windows-1252). Reads: the input file. Writes: nothing.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { EncodingError, type RowSource, type StreamEncoding } from '../../src/domain/batch/stream-check.ts';
import { decodeWindows1252 } from '../../src/domain/batch/windows-1252.ts';

/** Reads only the first `size` bytes of a file (the rest is streamed). */
export function readHead(path: string, size: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(size);
    const read = readSync(fd, buffer, 0, size, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A Node stream transform decoding bytes (UTF-8, BOM removed, fatal on bad bytes when asked; or Windows-1252). */
export function decoderStream(encoding: StreamEncoding, fatal: boolean): Transform {
  const decoder = new TextDecoder('utf-8', { fatal });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new EncodingError('UTF-8 invalide');
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (encoding === 'windows-1252') callback(null, decodeWindows1252(chunk));
      else {
        try {
          callback(null, decode(chunk));
        } catch (error) {
          callback(error as Error);
        }
      }
    },
    flush(callback) {
      if (encoding === 'windows-1252') callback(null, '');
      else {
        try {
          callback(null, decode());
        } catch (error) {
          callback(error as Error);
        }
      }
    },
  });
}

/** The rows of a CSV file on disk, streamed through papaparse. */
export function fileRowSource(path: string): RowSource {
  return (encoding, fatal, layout, onRow, onParseError) =>
    new Promise((resolvePromise, reject) => {
      const source = createReadStream(path);
      const text = source.pipe(decoderStream(encoding, fatal));
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        source.destroy();
        reject(error);
      };
      source.on('error', fail);
      text.on('error', fail);
      Papa.parse<string[]>(text as unknown as File, {
        delimiter: layout.delimiter,
        newline: layout.newline,
        skipEmptyLines: false,
        step(results, parser) {
          if (failed) return;
          for (const error of results.errors) onParseError(error.code);
          let pending: void | Promise<void>;
          try {
            pending = onRow(results.data);
          } catch (error) {
            parser.abort();
            fail(error);
            return;
          }
          if (pending) {
            // papaparse's pause stops its parsing but not the stream feeding it: pause that too, or the whole file
            // would pile up in papaparse's queue while the output drains.
            parser.pause();
            text.pause();
            pending.then(
              () => {
                text.resume();
                parser.resume();
              },
              (error: unknown) => {
                parser.abort();
                fail(error);
              },
            );
          }
        },
        complete: () => {
          if (!failed) resolvePromise();
        },
        error: (error: Error) => fail(error),
      });
    });
}
