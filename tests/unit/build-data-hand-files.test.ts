// `npm run data:check` also guards the hand-maintained files: data/objectives.json and data/actions.geojson.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data.ts';

const quiet = () => {};

/** `npm run data:check` on a copy of data/, without raw sources: validation only. */
function checkOnly(out: string) {
  return buildData({
    rawDir: '/nonexistent-raw',
    outDir: out,
    fontsDir: 'public/fonts',
    check: true,
    log: quiet,
  });
}

function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'perimetre-hand-'));
  cpSync('data', join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}

describe('data:check on hand-maintained files', () => {
  it('accepts the committed register and objectives', () => {
    const out = copyOfData();
    expect(() => checkOnly(out)).not.toThrow();
  });

  it('names the action and field when the register is invalid', () => {
    const out = copyOfData();
    const register = JSON.parse(readFileSync(join(out, 'actions.geojson'), 'utf8'));
    register.features[0].properties.objectif = 'inconnu';
    writeFileSync(join(out, 'actions.geojson'), JSON.stringify(register));
    expect(() => checkOnly(out)).toThrow(/actions\.geojson.*action n° 1.*objectif/);
  });

  it('fails when an objective is missing', () => {
    const out = copyOfData();
    const objectives = JSON.parse(readFileSync(join(out, 'objectives.json'), 'utf8'));
    objectives.objectifs.pop();
    writeFileSync(join(out, 'objectives.json'), JSON.stringify(objectives));
    expect(() => checkOnly(out)).toThrow(/six objectifs/);
  });
});
