// The BAN reader (src/domain/ban/): the official layout (fixture tests/fixtures/upstream/adresses-59.csv, see its
// README), gzip or not, any chunking; the files a user may pick by mistake get a French message; the binary table
// round-trips. Expected values are read off the fixture text, not from the code under test.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBanTable, encodeBanTable } from '../../src/domain/ban/binary.ts';
import { BanFileError, BanParser } from '../../src/domain/ban/parse.ts';
import { readBanStream } from '../../src/domain/ban/read-stream.ts';
import { banRecord, mergeBanTables, splitBanTable } from '../../src/domain/ban/table.ts';

const FIXTURE = 'tests/fixtures/upstream/adresses-59.csv';
const text = readFileSync(FIXTURE, 'utf8');
const gz = new Uint8Array(readFileSync(`${FIXTURE}.gz`));
const communes = new Set(
  (
    JSON.parse(readFileSync('data/communes.geojson', 'utf8')) as {
      features: { properties: { insee: string } }[];
    }
  ).features.map((f) => f.properties.insee),
);

function streamOf(bytes: Uint8Array, chunk = 64): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
      }
    },
  });
}

const read = (bytes: Uint8Array, chunk = 64) =>
  readBanStream(streamOf(bytes, chunk), { communes, date: '2026-11-30', source: 'adresses-59.csv' });

function allRecords(table: ReturnType<typeof decodeBanTable>) {
  const out = [];
  for (let s = 0; s < table.streets.length; s++)
    for (let i = table.streetStart[s]!; i < table.streetStart[s + 1]!; i++) out.push(banRecord(table, s, i));
  return out;
}

describe('BAN reader on the official layout', () => {
  it('keeps the 9 Croix/Roubaix rows of the fixture and drops Dunkerque', async () => {
    const { table, rows, kept, skipped } = await read(new TextEncoder().encode(text));
    expect([rows, kept, skipped]).toEqual([10, 9, 0]);
    expect(table.communes).toEqual(['59163', '59512']);
    const records = allRecords(table);
    // Row « 59163_fixture_00012;;12;;Rue Paul Lafargue;59170;59163;…;3.1540994;50.6853518;segment »
    expect(records).toContainEqual({
      numero: 12,
      rep: '',
      nom_voie: 'Rue Paul Lafargue',
      code_postal: '59170',
      code_insee: '59163',
      lon: 3.1540994,
      lat: 50.6853518,
      type_position: 'segment',
    });
    // « 5;bis;Rue Chevreul;…;3.1543477;50.6843604 »
    expect(records).toContainEqual(
      expect.objectContaining({
        numero: 5,
        rep: 'bis',
        nom_voie: 'Rue Chevreul',
        lon: 3.1543477,
        lat: 50.6843604,
      }),
    );
    expect(records.some((r) => r.code_insee === '59183')).toBe(false);
    expect(table.date).toBe('2026-11-30');
  });

  it('gives the same table from the gzip file and from any chunking', async () => {
    const plain = encodeBanTable((await read(new TextEncoder().encode(text))).table);
    expect(encodeBanTable((await read(gz)).table)).toEqual(plain);
    expect(encodeBanTable((await read(gz, 7)).table)).toEqual(plain);
    const parser = new BanParser({ communes });
    for (const c of text) parser.push(c);
    expect(encodeBanTable(parser.finish('2026-11-30', 'adresses-59.csv').table)).toEqual(plain);
  });

  it('round-trips the binary table, and per-commune shards merge back', async () => {
    const { table } = await read(gz);
    const bytes = encodeBanTable(table);
    expect(bytes.length).toBeLessThan(2000);
    const back = decodeBanTable(bytes);
    expect(allRecords(back)).toEqual(allRecords(table));
    const shards = splitBanTable(table);
    expect([...shards.keys()]).toEqual(['59163', '59512']);
    expect(allRecords(mergeBanTables([...shards.values()].reverse())!)).toEqual(allRecords(table));
  });
});

describe('BAN reader on wrong files: French message, no table', () => {
  const fails = async (bytes: Uint8Array, message: RegExp) => {
    const error = await read(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BanFileError);
    expect((error as Error).message).toMatch(message);
  };

  it('a truncated gzip (interrupted download)', async () => {
    await fails(gz.slice(0, gz.length - 20), /incomplet ou abîmé/);
    await fails(gz.slice(0, 40), /incomplet ou abîmé/);
  });

  it('a truncated plain CSV (last line cut)', async () => {
    await fails(new TextEncoder().encode(text.slice(0, text.indexOf('Rue Chevreul') + 5)), /incomplet/);
  });

  it('a CSV without the BAN columns (a beneficiaries file)', async () => {
    await fails(
      new TextEncoder().encode('nom;adresse;code postal;ville\nDupont;12 rue Chevreul;59170;Croix\n'),
      /n’a pas les colonnes de la Base Adresse Nationale \(il manque : numero, rep, nom_voie, code_postal, code_insee, lon, lat, type_position\)/,
    );
    await fails(new TextEncoder().encode(text.replaceAll(';', ',')), /n’a pas les colonnes/);
  });

  it('a file of another département', async () => {
    // The fixture's rows moved to the Pas-de-Calais (62): same layout, other INSEE codes.
    const other = text.replace(/;59(\d{3})(?=;)/g, ';62$1');
    await fails(gzipSync(other), /département 62, pas le Nord/);
  });

  it('a Nord file without any covered commune, an empty file, a binary file', async () => {
    const dunkerque = `${text.split('\n')[0]}\n${text.split('\n').find((l) => l.includes('Dunkerque'))}\n`;
    await fails(new TextEncoder().encode(dunkerque), /aucune adresse des communes couvertes/);
    await fails(new TextEncoder().encode(`${text.split('\n')[0]}\n`), /aucune adresse/);
    await fails(new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0xfe, 0, 0, 10]), /(pas un CSV|pas un fichier CSV)/);
  });
});
