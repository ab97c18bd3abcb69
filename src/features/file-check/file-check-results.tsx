/**
 * Step 3 of the file check: the summary (counts, share in QPV), a status filter, the rows (a table on a wide screen,
 * cards on a phone: file-check-rows.tsx; paginated: a file may have 200 000 rows), the manual correction of a
 * doubtful row (address retyped or point placed), and the exports.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ROW_STATUSES, type RowStatus, STATUS_LABELS } from '../../domain/batch/row-checker.ts';
import { formatShare } from '../../domain/format.ts';
import { type BatchPhase, backToMapping, resetBatch } from './batch-state.ts';
import { FileCheckCorrection } from './file-check-correction.tsx';
import { FileCheckExport } from './file-check-export.tsx';
import { FileCheckMap } from './file-check-map.tsx';
import { FileCheckRows } from './file-check-rows.tsx';
import { useNarrowScreen } from './use-narrow-screen.ts';

type ResultsPhase = Extract<BatchPhase, { kind: 'resultats' }>;
type Filter = 'toutes' | RowStatus;

const PAGE_SIZE = 50;

export function FileCheckResults({
  phase,
  correcting,
  exportNotice,
}: {
  phase: ResultsPhase;
  correcting: number | null;
  exportNotice: string | null;
}) {
  const { summary, verdicts, addresses, preview } = phase;
  const [filter, setFilter] = useState<Filter>('toutes');
  // When a correction ends (point placed or cancelled), its form disappears: bring focus back to the summary, which
  // announces the new counts, instead of losing it to the page body.
  const summaryRef = useRef<HTMLDivElement>(null);
  const wasCorrecting = useRef(false);
  useEffect(() => {
    if (wasCorrecting.current && correcting === null) summaryRef.current?.focus();
    wasCorrecting.current = correcting !== null;
  }, [correcting]);
  const [page, setPage] = useState(0);
  const indices = useMemo(() => {
    const all: number[] = [];
    verdicts.forEach((verdict, index) => {
      if (filter === 'toutes' || verdict.status === filter) all.push(index);
    });
    return all;
  }, [verdicts, filter]);
  const pageCount = Math.max(1, Math.ceil(indices.length / PAGE_SIZE));
  const currentPage = Math.min(page, pageCount - 1);
  const shown = indices.slice(currentPage * PAGE_SIZE, (currentPage + 1) * PAGE_SIZE);
  const firstLine = preview.hasHeader ? 2 : 1;
  // On a phone the correction form opens inside the row's card (the user keeps their place in the list); on a wide
  // screen, or when the row is not on this page, above the rows.
  const narrow = useNarrowScreen();
  const inCard = narrow && correcting !== null && shown.includes(correcting);
  const correction =
    correcting !== null && verdicts[correcting] ? (
      <FileCheckCorrection
        key={correcting}
        index={correcting}
        line={correcting + firstLine}
        address={addresses[correcting] ?? ''}
        verdict={verdicts[correcting]}
      />
    ) : null;
  return (
    <section aria-labelledby="etape-resultats">
      <h2 id="etape-resultats">3. Résultats</h2>
      <div className="file-check-summary" role="status" data-testid="synthese" tabIndex={-1} ref={summaryRef}>
        <p>
          <strong>{summary.counts.dans.toLocaleString('fr-FR')}</strong> bénéficiaire
          {summary.counts.dans > 1 ? 's' : ''} sur {summary.total.toLocaleString('fr-FR')} dans un QPV, soit{' '}
          <strong>{formatShare(summary.shareInQpv, { fixed: true })}</strong>
          {summary.counts.limite > 0 && (
            <>
              {' '}
              (jusqu’à {formatShare(summary.shareInQpvUpperBound, { fixed: true })} si les lignes « en limite
              » sont confirmées)
            </>
          )}
          .
        </p>
        <ul className="file-check-counts">
          {ROW_STATUSES.map((status) => (
            <li key={status} className={`status-${status}`}>
              <span className="status-badge">{STATUS_LABELS[status]}</span> :{' '}
              {summary.counts[status].toLocaleString('fr-FR')}
            </li>
          ))}
        </ul>
        {summary.byQpv.length > 0 && (
          <ul className="file-check-by-qpv">
            {summary.byQpv.map((qpv) => (
              <li key={qpv.code}>
                {qpv.nom} ({qpv.code}) : {qpv.count.toLocaleString('fr-FR')}
              </li>
            ))}
          </ul>
        )}
        <p className="file-check-hint">
          Géographie {phase.geographyVersion} ; vérifié le {new Date().toLocaleDateString('fr-FR')} en{' '}
          {(phase.durationMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s, sur cet
          appareil. Test géométrique indicatif.
        </p>
      </div>
      <FileCheckExport preview={preview} mapping={phase.mapping} notice={exportNotice} />
      <FileCheckMap verdicts={verdicts} correcting={correcting} />
      {correction && !inCard && correction}
      <fieldset className="file-check-filter">
        <legend>Afficher</legend>
        {(['toutes', ...ROW_STATUSES] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="filtre-statut"
              value={value}
              checked={filter === value}
              onChange={() => {
                setFilter(value);
                setPage(0);
              }}
            />{' '}
            {value === 'toutes'
              ? `Toutes les lignes (${summary.total.toLocaleString('fr-FR')})`
              : `${STATUS_LABELS[value]} (${summary.counts[value].toLocaleString('fr-FR')})`}
          </label>
        ))}
      </fieldset>
      <FileCheckRows
        shown={shown}
        verdicts={verdicts}
        addresses={addresses}
        firstLine={firstLine}
        correcting={inCard ? correcting : null}
        correction={inCard ? correction : null}
        caption={`Résultat ligne par ligne — ${indices.length.toLocaleString('fr-FR')} ligne${indices.length > 1 ? 's' : ''}${pageCount > 1 ? `, page ${currentPage + 1} sur ${pageCount}` : ''}`}
      />
      {pageCount > 1 && (
        <nav className="file-check-pages" aria-label="Pages de résultats">
          <button
            type="button"
            className="button-secondary"
            disabled={currentPage === 0}
            onClick={() => setPage(currentPage - 1)}
          >
            Page précédente
          </button>
          <span>
            Page {currentPage + 1} sur {pageCount}
          </span>
          <button
            type="button"
            className="button-secondary"
            disabled={currentPage >= pageCount - 1}
            onClick={() => setPage(currentPage + 1)}
          >
            Page suivante
          </button>
        </nav>
      )}
      <div className="file-check-actions">
        <button type="button" className="button-secondary" onClick={backToMapping}>
          Modifier les colonnes
        </button>
        <button type="button" className="button-secondary" onClick={resetBatch}>
          Vérifier un autre fichier
        </button>
      </div>
    </section>
  );
}
