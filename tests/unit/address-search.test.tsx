// Keyboard behaviour of the address combobox (ARIA 1.2 pattern) and the search panel end to end in jsdom.
import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type CheckContext, createCheckContext } from '../../src/domain/check-context.ts';
import { AddressCombobox, type ComboboxOption } from '../../src/features/search/address-combobox.tsx';

let ctx: CheckContext;
const hold = vi.hoisted(() => vi.fn());
vi.mock('../../src/features/map/map-start.ts', () => ({ holdMapForQuestion: hold }));
vi.mock('../../src/features/search/use-check-context.ts', () => ({
  useCheckContext: () => ({ ctx, error: null }),
  loadCheckContext: () => Promise.resolve(ctx),
  // A context built from every QPV outline answers every point at once (as the real one does in the covered area).
  answerPoint: (
    c: CheckContext,
    _point: unknown,
    _uncertainty: number,
    answer: (ready: CheckContext) => void,
  ) => answer(c),
}));

beforeAll(() => {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  ctx = createCheckContext({
    qpv: read('data/qpv-2024.geojson'),
    roads: read('data/roads.geojson'),
    communes: read('data/communes.geojson'),
    addresses: null,
  });
});

const OPTIONS: ComboboxOption[] = [
  { id: 'a', label: 'Rue Blanche, 59170 Croix' },
  { id: 'b', label: 'Rue Blanche, Lille' },
  { id: 'c', label: 'Rue Blanche, 59200 Tourcoing' },
];

function Harness(props: { onPick(o: ComboboxOption): void; onSubmit(v: string): void }) {
  const [value, setValue] = useState('');
  return (
    <AddressCombobox
      label="Adresse"
      value={value}
      options={value ? OPTIONS : []}
      onInput={setValue}
      onPick={props.onPick}
      onSubmit={props.onSubmit}
    />
  );
}

describe('AddressCombobox', () => {
  it('opens on typing, moves with the arrows, picks with Enter', async () => {
    const onPick = vi.fn();
    const user = userEvent.setup();
    render(<Harness onPick={onPick} onSubmit={vi.fn()} />);
    const input = screen.getByRole('combobox', { name: 'Adresse' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await user.type(input, 'rue bl');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    expect(screen.getAllByRole('option')).toHaveLength(3);

    await user.keyboard('{ArrowDown}');
    const first = screen.getAllByRole('option')[0]!;
    expect(input.getAttribute('aria-activedescendant')).toBe(first.id);
    expect(first.getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}'); // wraps around to the first
    expect(input.getAttribute('aria-activedescendant')).toBe(first.id);
    await user.keyboard('{ArrowUp}'); // wraps to the last
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[2]!.id);

    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith(OPTIONS[2]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape closes the list, then clears the field; Enter without an active option submits the text', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onPick={vi.fn()} onSubmit={onSubmit} />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    await user.type(input, 'rue blanche');
    await user.keyboard('{ArrowDown}{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    expect(input.value).toBe('rue blanche');
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('rue blanche');
    await user.keyboard('{Escape}');
    expect(input.value).toBe('');
  });

  it('links the input to its listbox', async () => {
    const user = userEvent.setup();
    render(<Harness onPick={vi.fn()} onSubmit={vi.fn()} />);
    const input = screen.getByRole('combobox');
    await user.type(input, 'r');
    const listbox = screen.getByRole('listbox');
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
  });
});

/** The question and the answer: the card is shown over the map by the verdict sheet. */
async function renderSearch() {
  const { AddressSearch } = await import('../../src/features/search/address-search.tsx');
  const { VerdictSheet } = await import('../../src/features/search/verdict-sheet.tsx');
  return render(
    <>
      <AddressSearch />
      <VerdictSheet />
    </>,
  );
}

describe('AddressSearch', () => {
  it('types, picks a suggestion with the keyboard and shows the verdict', async () => {
    const user = userEvent.setup();
    await renderSearch();
    const input = screen.getByRole('combobox', { name: /Adresse/ });
    await user.type(input, '43 rue paul lafa');
    await user.keyboard('{ArrowDown}{Enter}');
    const card = await screen.findByRole('article');
    expect(card.textContent).toContain('Dans le QPV');
    expect(card.textContent).toContain('QN05980M');
    expect(card.textContent).toContain('décret n° 2023-1314');
    expect(card.textContent).toContain('seule la réponse de sig.ville.gouv.fr fait foi');
    expect(screen.getByRole('link', { name: /sig\.ville\.gouv\.fr/ }).getAttribute('href')).toBe(
      'https://sig.ville.gouv.fr/adresses/recherche',
    );
    // The typed address is not in the URL until « Partager ».
    expect(window.location.search).not.toContain('adresse');
  });

  it('explains a commune outside the area and offers choices for an ambiguous street', async () => {
    await renderSearch();
    const input = screen.getByRole('combobox', { name: /Adresse/ });
    fireEvent.change(input, { target: { value: 'rue de la paix Marseille' } });
    await act(async () => fireEvent.submit(input.closest('form')!));
    expect(screen.getByRole('article').textContent).toContain('Cette commune n’est pas couverte');
    fireEvent.change(input, { target: { value: 'rue blanche' } });
    await act(async () => fireEvent.submit(input.closest('form')!));
    const choices = screen.getAllByRole('button', { name: /Rue Blanche/ });
    expect(choices.map((b) => b.textContent)).toContain('Rue Blanche, 59170 Croix');
    await act(async () =>
      fireEvent.click(choices.find((b) => b.textContent === 'Rue Blanche, 59170 Croix')!),
    );
    expect(screen.getByRole('article').textContent).toContain('En limite — à confirmer');
    expect(
      screen.getAllByRole('button', { name: 'Placer mon logement sur la carte' }).length,
    ).toBeGreaterThan(0);
  });

  it('uses the device position only on request, and shares the address in the URL only on « Partager »', async () => {
    const getCurrentPosition = vi.fn((success: PositionCallback) =>
      success({ coords: { longitude: 3.1652, latitude: 50.6949, accuracy: 12 } } as GeolocationPosition),
    );
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await renderSearch();
    expect(getCurrentPosition).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Utiliser ma position' })));
    expect(getCurrentPosition).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('article').textContent).toContain('Ma position (précision ± 12 m)');
    expect(screen.getByRole('article').textContent).toContain('Dans le QPV');

    const input = screen.getByRole('combobox', { name: /Adresse/ });
    fireEvent.change(input, { target: { value: 'rue de la gare 59170' } });
    await act(async () => fireEvent.submit(input.closest('form')!));
    expect(window.location.search).not.toContain('adresse');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Partager' })));
    expect(new URLSearchParams(window.location.search).get('adresse')).toBe('rue de la gare 59170');
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    // A new search forgets the shared address.
    fireEvent.change(input, { target: { value: 'rue blanche croix' } });
    await act(async () => fireEvent.submit(input.closest('form')!));
    expect(window.location.search).not.toContain('adresse');
  });

  it('holds the map while the resident is in the form without an answer, and releases it with the answer', async () => {
    const { clearVerdict } = await import('../../src/features/search/verdict-state.ts');
    act(() => clearVerdict());
    await renderSearch();
    const input = screen.getByRole('combobox', { name: /Adresse/ });
    const last = () => hold.mock.calls.at(-1)?.[0];
    expect(last()).toBe(false);
    act(() => input.focus());
    expect(last()).toBe(true);
    // Focus moving to « Vérifier » stays in the form: never released on the way (a release starts the map).
    const before = hold.mock.calls.length;
    act(() => screen.getByRole('button', { name: 'Vérifier' }).focus());
    expect(hold.mock.calls.slice(before).map(([waiting]) => waiting)).not.toContain(false);
    expect(last()).toBe(true);
    act(() => (document.activeElement as HTMLElement).blur());
    expect(last()).toBe(false);
    fireEvent.change(input, { target: { value: '12 rue du Tonkin Croix' } });
    expect(last()).toBe(true);
    await act(async () => fireEvent.submit(input.closest('form')!));
    expect(screen.getByRole('article').textContent).toContain('Dans le QPV');
    expect(last()).toBe(false);
  });
});
