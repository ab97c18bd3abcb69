// The « Vérifier un fichier » page in jsdom: the results state (summary, filter, pagination, correction form) and
// the column-mapping step, driven through the batch store (set-up shared with batch-page-phone.test.tsx in
// batch-page-setup.ts; the Web Worker is never started in these tests).
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { notFound, type RowVerdict } from '../../src/domain/batch/row-checker.ts';
import type { TablePreview } from '../../src/domain/batch/worker-protocol.ts';
import FileCheckPage from '../../src/features/file-check/file-check-page.tsx';
import { mapModeStore } from '../../src/features/map/map-mode.ts';
import { setUpBatchPage, showMapping, showResults as showState } from './batch-page-setup.ts';

// MapLibre needs WebGL: the lazy map of the results is replaced by a stub.
vi.mock('../../src/features/file-check/file-check-map-view.tsx', () => ({
  default: () => <div data-testid="carte-stub" />,
}));

const preview: TablePreview = {
  name: 'beneficiaires.csv',
  columnNames: ['Bénéficiaire', 'Adresse', 'CP', 'Ville'],
  hasHeader: true,
  rowCount: 120,
  firstRows: [['Bénéficiaire 1', '43 Rue Paul Lafargue', '59170', 'Croix']],
  source: { kind: 'csv', encoding: 'windows-1252', delimiter: ';' },
  warnings: ['1 ligne n’a pas le même nombre de colonnes que les autres.'],
  mapping: { adresse: 1, codePostal: 2, commune: 3 },
  mappingProblem: null,
  personalColumns: [],
};

function verdictFor(index: number): RowVerdict {
  if (index % 3 === 0)
    return { ...notFound(''), status: 'dans', qpvCode: 'QN05980M', qpvNom: 'Blanc Seau', precision: 'voie' };
  if (index % 3 === 1) return { ...notFound(''), status: 'hors', precision: 'voie' };
  return notFound('« Rue Blanche » existe dans plusieurs communes');
}

function showResults() {
  const verdicts = Array.from({ length: 120 }, (_, index) => verdictFor(index));
  const addresses = verdicts.map((_, index) =>
    index % 3 === 2 ? '12 Rue Blanche' : `${index + 1} Rue Paul Lafargue · 59170 · Croix`,
  );
  showState({
    preview,
    verdicts,
    addresses,
    geographyVersion: 'QP 2024, décret n° 2023-1314',
    durationMs: 1234,
  });
}

setUpBatchPage();

describe('FileCheckPage', () => {
  it('commence par le choix du fichier et l’engagement de confidentialité', () => {
    render(<FileCheckPage />);
    expect(screen.getByLabelText('Fichier à vérifier (CSV ou XLSX)').getAttribute('type')).toBe('file');
    expect(screen.getByRole('heading', { name: 'Vos données restent sur votre appareil' })).toBeTruthy();
  });

  it('montre ce qui a été lu et bloque la vérification tant qu’aucune colonne d’adresse n’est choisie', () => {
    render(<FileCheckPage />);
    showMapping(preview);
    const description = screen.getByTestId('description-fichier').textContent ?? '';
    expect(description).toContain('Windows-1252');
    expect(description).toContain('point-virgule');
    expect(screen.getByText(/pas le même nombre de colonnes/)).toBeTruthy();
    const start = screen.getByRole('button', { name: /^Vérifier les 120 lignes/ }) as HTMLButtonElement;
    expect(start.disabled).toBe(false);
    fireEvent.change(screen.getByLabelText('Adresse complète'), { target: { value: '' } });
    expect(start.disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toMatch(/Choisissez au moins une colonne/);
  });

  it('résume, filtre et pagine les résultats', () => {
    render(<FileCheckPage />);
    showResults();
    const summary = screen.getByTestId('synthese').textContent?.replace(/\u202f/g, ' ') ?? '';
    expect(summary).toContain('40 bénéficiaires sur 120 dans un QPV, soit 33,3 %');
    const table = screen.getByTestId('table-resultats');
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(table.querySelector('caption')?.textContent).toContain('page 1 sur 3');
    fireEvent.click(screen.getByRole('button', { name: 'Page suivante' }));
    expect(within(table).getAllByRole('row')[1]?.querySelector('th')?.textContent).toBe('52');
    fireEvent.click(screen.getByRole('radio', { name: /Introuvable/ }));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(40);
    expect(rows[0]?.textContent).toContain('plusieurs communes');
    expect(rows[0]?.querySelector('th')?.textContent).toBe('4');
  });

  it('ouvre la correction d’une ligne, passe la carte en mode « corriger-ligne » et refuse des coordonnées illisibles', () => {
    render(<FileCheckPage />);
    showResults();
    fireEvent.click(screen.getByRole('button', { name: 'Corriger la ligne 4' }));
    expect(mapModeStore.get()).toBe('corriger-ligne');
    const heading = screen.getByRole('heading', { name: 'Corriger la ligne 4' });
    expect(document.activeElement).toBe(heading);
    fireEvent.change(screen.getByLabelText('Longitude', { selector: 'input' }), {
      target: { value: 'trois' },
    });
    fireEvent.change(screen.getByLabelText('Latitude', { selector: 'input' }), {
      target: { value: '50,68' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Placer le point et recalculer' }));
    expect(screen.getByRole('alert').textContent).toMatch(/degrés décimaux/);
    fireEvent.click(screen.getByRole('button', { name: 'Annuler la correction' }));
    expect(mapModeStore.get()).toBe('navigation');
    expect(screen.queryByRole('heading', { name: 'Corriger la ligne 4' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('synthese'));
  });
});
