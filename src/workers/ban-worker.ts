/// <reference lib="webworker" />
// Web Worker of « Préciser au numéro »: streams the BAN file(s) the user picked (gzip or not) through the shared
// reader (src/domain/ban/read-stream.ts), keeps the covered communes, and stores the compact table in IndexedDB
// (src/io/ban-storage.ts) only once everything was read: a wrong or cancelled file stores nothing. The page cancels
// by terminating the worker. Nothing leaves the device.

import { encodeBanTable } from '../domain/ban/binary.ts';
import { BanFileError, BanParser } from '../domain/ban/parse.ts';
import { feedBanStream } from '../domain/ban/read-stream.ts';
import type { FromBanWorker, ToBanWorker } from '../domain/ban/worker-protocol.ts';
import { saveBan } from '../io/ban-storage.ts';
import { loadCommunes } from '../io/data-loader.ts';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromBanWorker): void {
  self.postMessage(message);
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function importFiles(files: File[]): Promise<void> {
  const communes = new Set((await loadCommunes()).features.map((f) => f.properties.insee));
  const parser = new BanParser({ communes });
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let before = 0;
  for (const file of files) {
    await feedBanStream(file.stream(), parser, {
      onProgress: (bytes, rows) => post({ type: 'progression', bytes: before + bytes, total, rows }),
    });
    before += file.size;
  }
  const date = isoDate(Math.max(...files.map((f) => f.lastModified)));
  const { table, stats } = parser.finish(date, files.map((f) => f.name).join(', '));
  const bytes = encodeBanTable(table);
  const info = {
    date,
    source: table.source,
    rows: stats.kept,
    communes: table.communes.length,
    bytes: bytes.length,
  };
  await saveBan(bytes, info);
  post({ type: 'fini', info });
}

self.onmessage = (event: MessageEvent<ToBanWorker>) => {
  if (event.data.type !== 'importer') return;
  importFiles(event.data.files).catch((error: unknown) => {
    post({
      type: 'erreur',
      message:
        error instanceof BanFileError
          ? error.message
          : 'Le fichier n’a pas pu être importé (mémoire ou stockage du navigateur insuffisant ?). Rien n’a été enregistré.',
    });
  });
};
