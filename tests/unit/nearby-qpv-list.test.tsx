// The list of the MEL's QPVs shows the 26 QPVs of the contract (data/contract.json, copied by hand from the ANCT
// correspondence table), Armentières' two included — not only those of the covered communes.
import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/io/data-loader.ts', () => ({
  loadCommunes: async () => JSON.parse(readFileSync('data/communes.geojson', 'utf8')),
  loadQpvCatalogue: async () => JSON.parse(readFileSync('data/qpv/catalogue.json', 'utf8')),
  loadQpvFeature: async () => null,
}));

const { NearbyQpvList } = await import('../../src/features/search/nearby-qpv-list.tsx');
const contract = JSON.parse(readFileSync('data/contract.json', 'utf8')) as { qpv: { qp2024: string }[] };

describe('NearbyQpvList', () => {
  it('lists the 26 QPVs of the MEL contract, Armentières included', async () => {
    render(<NearbyQpvList />);
    await screen.findByText(/\(26\)/);
    const items = within(document.querySelector('.nearby-qpv-items') as HTMLElement).getAllByRole('listitem');
    expect(contract.qpv).toHaveLength(26);
    expect(items).toHaveLength(26);
    const text = items.map((item) => item.textContent ?? '').join('\n');
    for (const { qp2024 } of contract.qpv) expect(text).toContain(qp2024);
    expect(text).toMatch(/Armentières/);
  });
});
