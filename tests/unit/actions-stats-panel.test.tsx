// The « Surfaces dans le quartier prioritaire » section of the actions panel (issue 10): nothing it needs (the
// Turf code, the QPV's shard, data/communes.geojson) is loaded before the planner opens it; once opened, it shows
// the table computed from the real data files.
import { readFileSync } from 'node:fs';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ObjectivesFile } from '../../src/domain/objectives.ts';
import { makeAction } from './actions-helpers.ts';

const loaded: string[] = [];
vi.mock('../../src/io/data-loader.ts', () => ({
  loadCommunes: async () => {
    loaded.push('communes');
    return JSON.parse(readFileSync('data/communes.geojson', 'utf8'));
  },
  loadQpvFeature: async (code: string) => {
    loaded.push(`qpv ${code}`);
    const all = JSON.parse(readFileSync('data/qpv-2024.geojson', 'utf8')) as {
      features: { properties: { code: string } }[];
    };
    return all.features.find((f) => f.properties.code === code) ?? null;
  },
}));

const { ActionsStats } = await import('../../src/features/actions/actions-stats.tsx');
const objectives = JSON.parse(readFileSync('data/objectives.json', 'utf8')) as ObjectivesFile;

describe('ActionsStats', () => {
  it('loads nothing until opened, then shows the zones inside the Croix part of QN05980M', async () => {
    // A 14 m × 11 m rectangle wholly inside the Croix part of QN05980M (checked with Turf's booleanWithin).
    const [lon, lat] = [3.154, 50.686];
    const d = 0.0001;
    const square = makeAction({ id: 'z', objectif: 'verdissement' }, {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + 2 * d, lat],
          [lon + 2 * d, lat + d],
          [lon, lat + d],
          [lon, lat],
        ],
      ],
    } as never);
    const { container } = render(<ActionsStats actions={[square]} objectives={objectives} />);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(loaded).toEqual([]);
    const details = container.querySelector('details') as HTMLDetailsElement;
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    const caption = await screen.findByText(/Zones des actions affichées/, {}, { timeout: 10_000 });
    expect(caption.textContent).toMatch(/QN05980M \(\d+,?\d* ha\)/);
    expect(loaded.sort()).toEqual(['communes', 'qpv QN05980M']);
    const row = screen.getByRole('row', { name: /Verdissement/ });
    // 0.0002° × 0.0001° at 50.687° N: 14.1 m × 11.1 m ≈ 157 m², all of it inside the zone.
    const m2 = Number(/Verdissement1(\d+) m²/.exec(row.textContent ?? '')?.[1]);
    expect(m2).toBeGreaterThan(150);
    expect(m2).toBeLessThan(165);
  });
});
