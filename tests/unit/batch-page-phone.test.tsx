// The file check for real files and phones (issue 13, item 5), in jsdom: cards on a phone-width screen, the QPV named
// once, flags « reconnue approximativement » / « corrigé à la main », correction by retyping the address (the
// message the worker receives, then its answer), the personal-data warning before the check, the export keeping
// every column by default and saying which it drops, and the progress text while the data loads. The worker is a
// fake that records what the page sends and plays back what the real one (src/workers/batch-worker.ts) answers.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { notFound, type RowVerdict } from '../../src/domain/batch/row-checker.ts';
import { summarise } from '../../src/domain/batch/summary.ts';
import type { TablePreview } from '../../src/domain/batch/worker-protocol.ts';
import { batchStore } from '../../src/features/file-check/batch-state.ts';
import FileCheckPage from '../../src/features/file-check/file-check-page.tsx';
import {
  FakeWorker,
  setPhone,
  setUpBatchPage,
  showMapping,
  showResults as showState,
} from './batch-page-setup.ts';

vi.mock('../../src/features/file-check/file-check-map-view.tsx', () => ({
  default: () => <div data-testid="carte-stub" />,
}));

const NOM = 'Quartier Intercommunal Roubaix-Tourcoing - Blanc Seau - Croix Bas Saint Pierre - Wattrelos Nord';

const preview: TablePreview = {
  name: 'beneficiaires.csv',
  columnNames: ['Nom', 'Date de naissance', 'Adresse', 'Remarque'],
  hasHeader: true,
  rowCount: 3,
  firstRows: [['Dupont', '01/02/1980', '12 rue Chevrreul 59170 Croix', '']],
  source: { kind: 'csv', encoding: 'utf-8', delimiter: ';' },
  warnings: [],
  mapping: { adresse: 2 },
  mappingProblem: null,
  personalColumns: [
    { index: 0, name: 'Nom', kind: 'nom' },
    { index: 1, name: 'Date de naissance', kind: 'naissance' },
  ],
};

const VERDICTS: RowVerdict[] = [
  {
    ...notFound(''),
    status: 'limite',
    qpvCode: 'QN05980M',
    qpvNom: NOM,
    precision: 'voie',
    label: '12 Rue Chevreul, 59170 Croix',
    motif: `La voie « Rue Chevreul » (Croix) longe la limite du quartier prioritaire ${NOM} (QN05980M) : la réponse dépend du numéro.`,
    approximate: true,
  },
  notFound('« Rue Blanche » existe dans plusieurs communes (Croix, Lille, Tourcoing) : précisez la commune.'),
  {
    ...notFound(''),
    status: 'dans',
    qpvCode: 'QN05980M',
    qpvNom: NOM,
    precision: 'voie',
    label: '5 Rue du Tonkin, 59170 Croix',
    motif: `Toute la voie « Rue du Tonkin » (Croix) est à l’intérieur du quartier prioritaire ${NOM} (QN05980M).`,
  },
];

function showResults(verdicts = VERDICTS, dropped: number[] = []) {
  showState({
    preview,
    verdicts,
    addresses: ['12 rue Chevrreul 59170 Croix', '12 Rue Blanche', '5 Rue du Tonkin 59170 Croix'],
    geographyVersion: 'QP 2024',
    durationMs: 10,
    dropped,
  });
}

setUpBatchPage();

describe('résultats sur un téléphone', () => {
  it('une carte par ligne : numéro, adresse tapée, réponse en mots, QPV une seule fois, motif sans le nom', () => {
    setPhone(true);
    render(<FileCheckPage />);
    showResults();
    expect(screen.queryByTestId('table-resultats')).toBeNull();
    const cards = within(screen.getByTestId('cartes-resultats')).getAllByRole('listitem');
    expect(cards).toHaveLength(3);
    const first = cards[0]!;
    expect(first.textContent).toContain('Ligne 2');
    expect(first.textContent).toContain('12 rue Chevrreul 59170 Croix');
    expect(first.textContent).toContain('En limite — à confirmer');
    expect(first.textContent).toContain('reconnue approximativement');
    expect(first.className).toContain('status-limite');
    expect(first.textContent?.split(NOM)).toHaveLength(2);
    expect(first.textContent).toContain(
      'longe la limite du quartier prioritaire : la réponse dépend du numéro.',
    );
    // One plain sentence, as the resident search words it; the full reason behind « Pourquoi ? ».
    expect(first.querySelector('.file-check-card-reason')?.textContent).toBe(
      'La limite du quartier suit ou traverse cette rue : la réponse dépend du numéro et du côté de la rue.',
    );
    expect(within(first).getByText('Pourquoi ?').closest('details')?.textContent).toContain(
      'longe la limite',
    );
    expect(cards[1]?.textContent).toContain('Introuvable');
    expect(within(cards[1]!).getByRole('button', { name: 'Corriger la ligne 3' })).toBeTruthy();
  });

  it('un écran large garde le tableau, avec le nom du QPV une fois par ligne', () => {
    render(<FileCheckPage />);
    showResults();
    expect(screen.queryByTestId('cartes-resultats')).toBeNull();
    const rows = within(screen.getByTestId('table-resultats')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[2]?.textContent?.split(NOM)).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('reconnue approximativement');
  });
});

describe('correction en retapant l’adresse', () => {
  it('envoie l’adresse saisie au Worker, puis marque la ligne « corrigé à la main »', () => {
    setPhone(true);
    render(<FileCheckPage />);
    showResults();
    fireEvent.click(screen.getByRole('button', { name: 'Corriger la ligne 3' }));
    // On a phone the form opens inside the row's card: the user keeps their place in the list.
    const row = within(screen.getByTestId('cartes-resultats')).getAllByRole('listitem')[1]!;
    const field = within(row).getByLabelText('Adresse corrigée') as HTMLInputElement;
    expect(field.value).toBe('12 Rue Blanche');
    fireEvent.change(field, { target: { value: '5 Rue du Tonkin 59170 Croix' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier cette adresse' }));
    const worker = FakeWorker.last!;
    expect(worker.posted.at(-1)).toEqual({
      type: 'corriger-adresse',
      index: 1,
      text: '5 Rue du Tonkin 59170 Croix',
    });
    const verdict: RowVerdict = { ...VERDICTS[2]!, correctedAddress: '5 Rue du Tonkin 59170 Croix' };
    worker.answer({
      type: 'corrige',
      index: 1,
      verdict,
      summary: summarise([VERDICTS[0]!, verdict, VERDICTS[2]!]),
    });
    const card = within(screen.getByTestId('cartes-resultats')).getAllByRole('listitem')[1]!;
    expect(card.textContent).toContain('corrigé à la main');
    expect(card.textContent).toContain('Dans un QPV');
    // The address as typed in the file stays on the card.
    expect(card.textContent).toContain('12 Rue Blanche');
  });

  it('refuse une adresse vide avec un message', () => {
    render(<FileCheckPage />);
    showResults();
    fireEvent.click(screen.getByRole('button', { name: 'Corriger la ligne 3' }));
    fireEvent.change(screen.getByLabelText('Adresse corrigée'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier cette adresse' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Saisissez l’adresse/);
  });
});

describe('données personnelles', () => {
  it('avertit avant la vérification, dit que le fichier ne quitte pas l’appareil, et propose de retirer chaque colonne', () => {
    render(<FileCheckPage />);
    showMapping(preview);
    const warning = screen.getByRole('region', {
      name: 'Ce fichier semble contenir des données personnelles',
    });
    expect(warning.textContent).toContain('« Nom » (nom ou prénom)');
    expect(warning.textContent).toContain('« Date de naissance » (date de naissance ou âge)');
    expect(warning.textContent).toContain('ne quitte jamais votre appareil');
    const box = screen.getByLabelText('Retirer « Date de naissance » de l’export') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(batchStore.get().dropped).toEqual([1]);
    // A column used for the check is never offered: the warning leaves it out once it is mapped.
    fireEvent.change(screen.getByLabelText('Commune'), { target: { value: '0' } });
    expect(screen.queryByLabelText('Retirer « Nom » de l’export')).toBeNull();
  });
});

describe('export', () => {
  it('garde toutes les colonnes par défaut et le dit', () => {
    render(<FileCheckPage />);
    showResults();
    expect(screen.getByTestId('export-colonnes').textContent).toContain(
      'toutes les colonnes de votre fichier (4)',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le fichier ligne par ligne' }));
    expect(FakeWorker.last?.posted.at(-1)).toMatchObject({
      type: 'exporter',
      kind: 'lignes',
      minimise: false,
      dropped: [],
    });
  });

  it('dit quelles colonnes il retire et les envoie au Worker', () => {
    render(<FileCheckPage />);
    showResults(VERDICTS, [0, 1]);
    expect(screen.getByTestId('export-colonnes').textContent).toContain(
      'retire les colonnes « Nom », « Date de naissance »',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le fichier ligne par ligne' }));
    expect(FakeWorker.last?.posted.at(-1)).toMatchObject({ minimise: false, dropped: [0, 1] });
    fireEvent.click(screen.getByLabelText(/Ne garder que les colonnes d’adresse/));
    expect(screen.getByTestId('export-colonnes').textContent).toContain(
      '« Nom », « Date de naissance », « Remarque »',
    );
  });

  it('garde une colonne cochée pour retrait puis choisie pour la vérification', () => {
    render(<FileCheckPage />);
    showResults(VERDICTS, [0, 2]);
    expect(screen.getByTestId('export-colonnes').textContent).toContain('retire la colonne « Nom » ;');
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le fichier ligne par ligne' }));
    expect(FakeWorker.last?.posted.at(-1)).toMatchObject({ dropped: [0] });
  });
});

describe('progression', () => {
  it('dit que les données se chargent avant la première ligne, puis suit les messages du Worker', () => {
    render(<FileCheckPage />);
    showMapping(preview);
    fireEvent.click(screen.getByRole('button', { name: /^Vérifier les 3 lignes/ }));
    const worker = FakeWorker.last!;
    expect(worker.posted.at(-1)).toMatchObject({ type: 'verifier', mapping: { adresse: 2 } });
    expect(screen.getByTestId('progression-texte').textContent).toMatch(/Chargement des quartiers/);
    worker.answer({ type: 'progression', done: 0, total: 3, etape: 'donnees' });
    expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
    worker.answer({ type: 'progression', done: 1, total: 3, etape: 'verification' });
    expect(screen.getByTestId('progression-texte').textContent).toContain('1 ligne sur 3 (33 %)');
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(1);
    worker.answer({ type: 'progression', done: 2, total: 3, etape: 'verification' });
    expect(screen.getByTestId('progression-texte').textContent).toContain('2 lignes sur 3 (66 %)');
  });
});
