// check.ts — cross-file checks of the planning files for `npm run data:check` (issue 12).
//
// Reads: data/planning/{parks,iris}.geojson, data/planning/indicators.json, data/contract.json,
//   data/qpv-2024.geojson (already validated one by one by scripts/build-data.ts).
// Writes nothing: throws a DataFileError naming the file whose figures disagree with another file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ContractFacts,
  IrisCollection,
  ParkCollection,
  PlanningIndicators,
} from '../../src/domain/planning/types';
import { DataFileError } from '../lib/errors';

/** Checks that the planning files agree with each other and with the QPV layer. */
export function checkPlanningConsistency(outDir: string): void {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(outDir, name), 'utf8')) as T;
  const parks = read<ParkCollection>('planning/parks.geojson');
  const iris = read<IrisCollection>('planning/iris.geojson');
  const indicators = read<PlanningIndicators>('planning/indicators.json');
  const contract = read<ContractFacts>('contract.json');
  const qpv = read<{ features: { properties: { code: string; mel: boolean } }[] }>('qpv-2024.geojson');

  // Park area inside QN05980M: the indicator is the sum of the parks' parts (each rounded to 1 m²).
  const sum = parks.features.reduce((s, f) => s + f.properties.in_qpv_m2, 0);
  const whole = indicators.territories.find((t) => t.id === 'qpv');
  if (!whole || Math.abs(whole.park_area_m2 - sum) > parks.features.length)
    throw new DataFileError(
      'data/planning/indicators.json',
      `surface de parcs ≠ somme de parks.geojson (${sum} m²)`,
    );
  const croix = indicators.territories.find((t) => t.id === 'qpv-croix');
  if (!croix || !whole || croix.area_m2 > whole.area_m2)
    throw new DataFileError('data/planning/indicators.json', 'la partie de Croix dépasse QN05980M');

  for (const f of iris.features) {
    const p = f.properties;
    if (p.qpv_m2 > p.area_m2 + 1 || Math.abs(p.qpv_share - Math.min(1, p.qpv_m2 / (p.area_m2 || 1))) > 0.001)
      throw new DataFileError('data/planning/iris.geojson', `${p.code}: qpv_share ≠ qpv_m2 / area_m2`);
  }

  const mel = qpv.features
    .filter((f) => f.properties.mel)
    .map((f) => f.properties.code)
    .sort();
  const rows = contract.qpv.map((q) => q.qp2024).sort();
  if (mel.length === rows.length && mel.join() !== rows.join())
    throw new DataFileError(
      'data/contract.json',
      'les QPV du contrat diffèrent des QPV « mel » de qpv-2024.geojson',
    );
}
