// scripts/build-data.ts on broken raw sources: missing, truncated gzip, truncated JSON, invalid GeoJSON. Each run
// must stop with a message naming the file, exit code 1 from the CLI, and leave data/ untouched.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data';
import { defaultRawDir } from '../../scripts/lib/raw-dir';

const REPO = join(import.meta.dirname, '..', '..');
const RAW = defaultRawDir();
const quiet = (): void => {};

/** A raw dir whose files are symlinks to the real ones, so that one file can be replaced per test. */
function mirrorRaw(dest: string): void {
  for (const entry of readdirSync(RAW)) {
    const src = join(RAW, entry);
    if (statSync(src).isDirectory() && entry !== 'protomaps-basemaps-assets') {
      mkdirSync(join(dest, entry), { recursive: true });
      for (const f of readdirSync(src)) symlinkSync(join(src, f), join(dest, entry, f));
    } else {
      symlinkSync(src, join(dest, entry));
    }
  }
}

function replace(raw: string, rel: string, content: Uint8Array | string | null): void {
  unlinkSync(join(raw, rel));
  if (content !== null) writeFileSync(join(raw, rel), content);
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

describe.skipIf(!existsSync(RAW))('buildData: bad input', () => {
  let root: string;
  let out: string;
  let before: Record<string, string>;
  let n = 0;
  const freshRaw = (): string => {
    const raw = join(root, `raw-${n++}`);
    mkdirSync(raw);
    mirrorRaw(raw);
    return raw;
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'build-data-bad-'));
    out = join(root, 'data');
    mkdirSync(out);
    // Sentinel contents: a failed build must not change, add or remove anything here.
    writeFileSync(join(out, 'qpv-2024.geojson'), 'previous qpv\n');
    writeFileSync(join(out, 'objectives.json'), '{"owner":"someone else"}\n');
    before = snapshot(out);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const expectFailure = (raw: string, pattern: RegExp): void => {
    expect(() => buildData({ rawDir: raw, outDir: out, log: quiet })).toThrow(pattern);
    expect(snapshot(out)).toEqual(before);
    expect(existsSync(join(root, 'public'))).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith('.build-data-'))).toEqual([]);
  };

  it('missing file', () => {
    const raw = freshRaw();
    replace(raw, 'gazetteer-anct-qp2024/QP2024_list_all_1584.csv', null);
    expectFailure(raw, /QP2024_list_all_1584\.csv: fichier introuvable/);
  });

  it('truncated gzip', () => {
    const raw = freshRaw();
    const rel = 'gazetteer-anct-qp2024/QP2024_France_all_WGS84_4dp.geojson.gz';
    const bytes = readFileSync(join(RAW, rel));
    replace(raw, rel, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectFailure(raw, /QP2024_France_all_WGS84_4dp\.geojson\.gz: gzip tronqué/);
  });

  it('truncated JSON', () => {
    const raw = freshRaw();
    const rel = 'mutafriches-anct-qp2024/QN05980M_WGS84_6dp.geojson';
    replace(raw, rel, readFileSync(join(RAW, rel), 'utf8').slice(0, 5000));
    expectFailure(raw, /QN05980M_WGS84_6dp\.geojson: JSON invalide ou tronqué/);
  });

  it('invalid GeoJSON', () => {
    const raw = freshRaw();
    const rel = 'derived-croix/croix_saint_pierre_7_streets.geojson';
    const fc = JSON.parse(readFileSync(join(RAW, rel), 'utf8')) as { features: { geometry: object }[] };
    fc.features[2]!.geometry = { type: 'LineString' };
    replace(raw, rel, JSON.stringify(fc));
    expectFailure(raw, /croix_saint_pierre_7_streets\.geojson: GeoJSON invalide/);
  });

  it('the CLI prints the problem and exits with code 1', () => {
    const raw = freshRaw();
    replace(raw, 'francepack-lil/roads.geojson.gz', 'not gzip at all');
    const res = spawnSync(
      process.execPath,
      [
        join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(REPO, 'scripts', 'build-data.ts'),
        '--raw',
        raw,
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/roads\.geojson\.gz: pas un fichier gzip/);
    expect(snapshot(out)).toEqual(before);
  });
});
