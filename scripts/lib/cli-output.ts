/**
 * Writing the export of `npm run check-addresses` (scripts/check-addresses.ts): the output path checked (never the
 * input, a folder or a missing folder), the rows encoded and written to a temporary file beside the target with
 * back-pressure, renamed onto it at the end (a failure never leaves half a file), or to stdout; and I/O errors in
 * French. Reads: nothing. Writes: OUTPUT (through `.OUTPUT.<pid>.tmp`) or stdout.
 */
import { createWriteStream, renameSync, type Stats, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { TextEncodingName } from '../../src/domain/batch/decode.ts';
import { createOutputEncoder } from '../../src/domain/batch/export.ts';
import { BatchInputError } from '../../src/domain/batch/read-input.ts';

/** The file's stats, or null when it cannot be read (missing, a path through a file, no access…). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Refuses an output that is the input (same file, whatever the path), a folder, or in a missing folder. */
export function checkOutputPath(input: Stats, output: string): string {
  const target = resolve(output);
  const existing = statOrNull(target);
  if (existing?.isDirectory()) {
    throw new BatchInputError(`« ${output} » est un dossier : indiquez un nom de fichier après -o.`);
  }
  if (existing && existing.dev === input.dev && existing.ino === input.ino) {
    throw new BatchInputError(
      `Le fichier de sortie « ${output} » est le fichier d’entrée : il serait écrasé. Choisissez un autre nom après -o.`,
    );
  }
  if (!statOrNull(dirname(target))?.isDirectory()) {
    throw new BatchInputError(
      `Le dossier « ${dirname(output)} » n’existe pas : créez-le, ou choisissez un autre emplacement après -o.`,
    );
  }
  return target;
}

export interface Output {
  write(text: string): void | Promise<void>;
  /** Finishes the file (renames the temporary file onto the target). */
  close(): Promise<void>;
  /** Removes the temporary file after a failure. */
  abort(): void;
  replaced: number;
}

export function openOutput(target: string | null, encoding: TextEncodingName): Output {
  const temporary = target ? resolve(dirname(target), `.${basename(target)}.${process.pid}.tmp`) : null;
  const stream: NodeJS.WritableStream = temporary
    ? createWriteStream(temporary, { flags: 'wx' })
    : process.stdout;
  let failure: Error | null = null;
  if (temporary) stream.on('error', (error: Error) => (failure ??= error));
  const encode = createOutputEncoder(encoding);
  const output: Output = {
    replaced: 0,
    write(text) {
      if (failure) throw failure;
      const encoded = encode(text);
      output.replaced += encoded.replaced;
      if (!stream.write(encoded.bytes)) {
        // Wait for the stream to drain (back-pressure); both listeners go away whichever fires.
        return new Promise((resolvePromise, reject) => {
          const onDrain = () => {
            stream.off('error', onError);
            resolvePromise();
          };
          const onError = (error: Error) => {
            stream.off('drain', onDrain);
            reject(error);
          };
          stream.once('drain', onDrain);
          stream.once('error', onError);
        });
      }
    },
    close() {
      if (!temporary || !target) return Promise.resolve();
      return new Promise((resolvePromise, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        stream.once('error', reject);
        stream.end(() => {
          try {
            renameSync(temporary, target);
            resolvePromise();
          } catch (error) {
            reject(error);
          }
        });
      });
    },
    abort() {
      if (!temporary) return;
      (stream as WriteStream).destroy();
      try {
        unlinkSync(temporary);
      } catch {
        // Already gone or never created.
      }
    },
  };
  return output;
}

/** A French sentence for an I/O error (no English stack trace reaches the user). */
export function describeSystemError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'accès refusé (droits du fichier ou du dossier)';
    case 'ENOSPC':
      return 'disque plein';
    case 'EISDIR':
      return 'c’est un dossier, pas un fichier';
    case 'ENOENT':
      return 'fichier ou dossier introuvable';
    case 'EROFS':
      return 'disque en lecture seule';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
