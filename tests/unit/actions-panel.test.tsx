// The actions panel in jsdom: imported text is rendered as text (no element injected), the list and the detail
// agree, filters change the list, the form links its errors to its fields. Data loader and IndexedDB are mocked.
import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const register = JSON.parse(readFileSync('data/actions.geojson', 'utf8'));
const objectives = JSON.parse(readFileSync('data/objectives.json', 'utf8'));
const stored = new Map<string, unknown>();

vi.mock('../../src/io/data-loader.ts', () => ({
  loadActionsRegister: async () => register,
  loadObjectives: async () => objectives,
  loadQpvFeature: async (code: string) =>
    JSON.parse(readFileSync('data/qpv-2024.geojson', 'utf8')).features.find(
      (f: { properties: { code: string } }) => f.properties.code === code,
    ) ?? null,
  loadCommunes: async () => JSON.parse(readFileSync('data/communes.geojson', 'utf8')),
}));
vi.mock('idb-keyval', () => ({
  get: async (key: string) => stored.get(key),
  set: async (key: string, value: unknown) => void stored.set(key, structuredClone(value)),
  del: async (key: string) => void stored.delete(key),
}));

const { ActionsPanel } = await import('../../src/features/actions/actions-panel.tsx');
const { ActionForm } = await import('../../src/features/actions/action-form.tsx');
const { setFilters, selectedActionStore, draftsStore } = await import(
  '../../src/features/actions/actions-state.ts'
);
const { NO_FILTERS } = await import('../../src/domain/actions/filters.ts');

const PAYLOAD = '<img src=x onerror=alert(1)>';

async function renderPanel() {
  render(<ActionsPanel />);
  await screen.findByRole('list', { name: 'Légende des objectifs' });
  const panel = document.querySelector('details.actions-panel') as HTMLDetailsElement;
  panel.open = true;
  return panel;
}

/** The drafts stored in (mocked) IndexedDB, as `id · titre`. */
function storedDrafts(): string[] {
  const drafts = (stored.get('perimetre-actions-brouillons-v1') ?? []) as {
    properties: { id: string; titre: string };
  }[];
  return drafts.map((d) => `${d.properties.id} · ${d.properties.titre}`);
}

async function importFile(name: string, content?: string) {
  const text = content ?? readFileSync(`tests/fixtures/actions/${name}`, 'utf8');
  const file = new File([text], name, { type: 'application/geo+json' });
  const input = screen.getByTestId('actions-import-input') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

beforeEach(() => {
  act(() => {
    setFilters(NO_FILTERS);
    selectedActionStore.set(null);
  });
});

describe('ActionsPanel', () => {
  it('hides the fictitious examples until « Voir des exemples » is switched on, and keeps it in the link', async () => {
    await renderPanel();
    const toggle = screen.getByRole('checkbox', { name: /exemple/ }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByText('Aucune action ne correspond aux filtres.')).toBeTruthy();
    expect(window.location.search).not.toContain('exemples');
    fireEvent.click(toggle);
    const list = screen.getByRole('list', { name: 'Actions affichées sur la carte' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(register.features.length);
    expect(window.location.search).toContain('exemples=1');
  });

  it('lists the register with example badges and counts per objective', async () => {
    act(() => setFilters({ ...NO_FILTERS, exemples: true }));
    await renderPanel();
    const list = screen.getByRole('list', { name: 'Actions affichées sur la carte' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(register.features.length);
    expect(within(list).getAllByText('Exemple')).toHaveLength(register.features.length);
    const legend = screen.getByRole('list', { name: 'Légende des objectifs' });
    const greening = register.features.filter(
      (f: { properties: { objectif: string } }) => f.properties.objectif === 'verdissement',
    );
    expect(within(legend).getByText(/Verdissement/).textContent).toBe(`Verdissement ${greening.length}`);
    expect(document.querySelector('.actions-count')?.textContent).toBe(
      `${register.features.length} actions sur la carte.`,
    );
  });

  it('filters the list: hiding the examples empties it, an objective keeps its actions', async () => {
    act(() => setFilters({ ...NO_FILTERS, exemples: true }));
    await renderPanel();
    fireEvent.click(screen.getByRole('checkbox', { name: /exemple/ }));
    expect(screen.getByText('Aucune action ne correspond aux filtres.')).toBeTruthy();
    expect(window.location.search).not.toContain('exemples=');
    fireEvent.click(screen.getByRole('checkbox', { name: /exemple/ }));
    const group = screen.getByRole('group', { name: 'Objectif de la ville' });
    fireEvent.click(within(group).getByRole('checkbox', { name: /Dédensification/ }));
    const list = screen.getByRole('list', { name: 'Actions affichées sur la carte' });
    const expected = register.features.filter(
      (f: { properties: { objectif: string } }) => f.properties.objectif === 'dedensification',
    );
    expect(within(list).getAllByRole('listitem')).toHaveLength(expected.length);
    expect(window.location.search).toContain('objectifs=dedensification');
  });

  it('renders a malicious imported action as text in the list and the detail', async () => {
    await renderPanel();
    await importFile('xss.geojson');
    expect(screen.getByText(/1 action importée/)).toBeTruthy();
    const item = screen.getByRole('button', { name: new RegExp(PAYLOAD.replace(/[()[\]]/g, '\\$&')) });
    fireEvent.click(item);
    const detail = await screen.findByRole('region', { name: PAYLOAD });
    expect(within(detail).getAllByText(PAYLOAD).length).toBeGreaterThanOrEqual(3); // titre, description, contact
    expect(detail.textContent).toContain(`${PAYLOAD} (Association)`);
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.innerHTML).not.toContain('<img');
    const link = within(detail).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://example.org/?q=<img src=x onerror=alert(1)>');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('reports bad files and keeps the drafts', async () => {
    await renderPanel();
    await importFile('valid.geojson');
    const before = storedDrafts();
    expect(before).toContain('fixture-1 · Atelier vélo');
    await importFile('not-json.geojson');
    expect(screen.getByText(/not-json.geojson : Le fichier n’est pas un GeoJSON lisible/)).toBeTruthy();
    expect(storedDrafts()).toEqual(before);
    await importFile('mixed.geojson');
    expect(screen.getByText(/2 actions importées dans vos brouillons, 3 ignorées/)).toBeTruthy();
    expect(screen.getByText(/Action n° 2 : objectif : Objectif inconnu/)).toBeTruthy();
    expect(screen.getByText(/Action n° 4 : fin : La fin ne peut pas précéder le début/)).toBeTruthy();
    // Exactly the earlier drafts (fixture-1 replaced by the same action), plus the one good new action.
    expect(storedDrafts()).toEqual([...before, 'ligne · Atelier vélo']);
    // What a reload reads back (IndexedDB) is what the page shows.
    expect(storedDrafts()).toEqual(
      draftsStore.get().drafts.map((d) => `${d.properties.id} · ${d.properties.titre}`),
    );
    await importFile('javascript-url.geojson');
    expect(screen.getByText(/Action n° 1 : lien : Le lien doit être une adresse web/)).toBeTruthy();
  });
});

describe('ActionsPanel — hostile files (issue 15)', () => {
  it('lists the first 20 problems of a bad file and counts the others', async () => {
    await renderPanel();
    const before = storedDrafts();
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 26 }, () => ({})),
    });
    await importFile('vingt-six.geojson', text);
    expect(screen.getByText(/0 action importée dans vos brouillons, 26 ignorées/)).toBeTruthy();
    const items = document.querySelectorAll('.actions-report-problems li');
    expect(items).toHaveLength(20);
    expect(items[19]!.textContent).toMatch(/^Action n° 20 : /);
    expect(screen.getByText(/… et 6 autres actions ignorées, non détaillées ici/)).toBeTruthy();
    expect(storedDrafts()).toEqual(before);
  });

  it('refuses a file of 15 000 actions whole, without listing them', async () => {
    await renderPanel();
    const before = storedDrafts();
    const feature = JSON.parse(readFileSync('tests/fixtures/actions/valid.geojson', 'utf8')).features[0];
    const features = Array.from({ length: 15_000 }, (_, i) => ({
      ...feature,
      properties: { ...feature.properties, id: `masse-${i}`, description: '' },
    }));
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    expect(text.length).toBeLessThan(5 * 1024 * 1024); // under the size cap: the count is what refuses it
    await importFile('masse.geojson', text);
    expect(screen.getByText(/masse.geojson : Le fichier contient 15\s000 entités/)).toBeTruthy();
    expect(storedDrafts()).toEqual(before);
    expect(document.querySelectorAll('.actions-list li').length).toBeLessThan(100);
  });
});

describe('ActionForm', () => {
  it('links each error to its field and saves a valid action', async () => {
    const onSave = vi.fn();
    render(
      <ActionForm
        geometry={{ type: 'Point', coordinates: [3.1549, 50.6872] }}
        objectives={objectives}
        newId={() => 'nouvelle'}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    const titre = screen.getByLabelText('Titre *');
    expect(titre.getAttribute('aria-invalid')).toBe('true');
    const errorId = titre.getAttribute('aria-describedby')!;
    expect(document.getElementById(errorId)?.textContent).toBe('Indiquez un titre.');
    expect(screen.getByRole('alert').textContent).toMatch(/champs à corriger/);
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(titre, { target: { value: PAYLOAD } });
    fireEvent.change(screen.getByLabelText('Objectif de la ville *'), { target: { value: 'verdissement' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /5\. Transition/ }));
    fireEvent.change(screen.getByLabelText('Porteur (nom de la structure) *'), { target: { value: 'Asso' } });
    fireEvent.change(screen.getByLabelText('Début *'), { target: { value: '2026' } });
    fireEvent.change(screen.getByLabelText('Fin *'), { target: { value: '2025' } });
    fireEvent.change(screen.getByLabelText(/Lien web/), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(
      document.getElementById(
        screen.getByLabelText('Fin *').getAttribute('aria-describedby')!.split(' ').pop()!,
      )?.textContent,
    ).toBe('La fin ne peut pas précéder le début.');
    expect(screen.getByLabelText(/Lien web/).getAttribute('aria-invalid')).toBe('true');
    expect(titre.getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(screen.getByLabelText('Fin *'), { target: { value: '2027' } });
    fireEvent.change(screen.getByLabelText(/Lien web/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0].properties).toMatchObject({
      id: 'nouvelle',
      titre: PAYLOAD,
      objectif: 'verdissement',
      enjeux: ['enjeu-5'],
      type_porteur: 'association',
      statut: 'projet',
      debut: '2026',
      fin: '2027',
      exemple: false,
    });
  });
});
