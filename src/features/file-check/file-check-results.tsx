/**
 * Step 3 of the file check: the summary (counts, share in QPV), a status filter, the accessible results table
 * (paginated: a file may have 200 000 rows), the manual correction of a doubtful row, and the exports.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ROW_STATUSES, type RowStatus, STATUS_LABELS } from '../../domain/batch/row-checker.ts';
import { formatShare } from '../../domain/format.ts';
import { type BatchPhase, backToMapping, resetBatch, setCorrecting } from './batch-state.ts';
import { FileCheckCorrection } from './file-check-correction.tsx';
import { FileCheckExport } from './file-check-export.tsx';
import { FileCheckMap } from './file-check-map.tsx';

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
      <FileCheckExport preview={preview} notice={exportNotice} />
      <FileCheckMap verdicts={verdicts} correcting={correcting} />
      {correcting !== null && verdicts[correcting] && (
        <FileCheckCorrection
          index={correcting}
          line={correcting + firstLine}
          address={addresses[correcting] ?? ''}
          verdict={verdicts[correcting]}
        />
      )}
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
      {/* Focusable so that keyboard users can scroll the table sideways on a narrow screen. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable with the keyboard (WCAG 2.1.1). */}
      <section className="file-check-table-wrap" aria-label="Résultat ligne par ligne" tabIndex={0}>
        <table className="file-check-table" data-testid="table-resultats">
          <caption>
            Résultat ligne par ligne — {indices.length.toLocaleString('fr-FR')} ligne
            {indices.length > 1 ? 's' : ''}
            {pageCount > 1 && `, page ${currentPage + 1} sur ${pageCount}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Adresse du fichier</th>
              <th scope="col">Statut</th>
              <th scope="col">QPV</th>
              <th scope="col">Précision</th>
              <th scope="col">Adresse trouvée</th>
              <th scope="col">Motif</th>
              <th scope="col">Correction</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((index) => {
              const verdict = verdicts[index]!;
              return (
                <tr key={index} className={`status-${verdict.status}`}>
                  <th scope="row">{index + firstLine}</th>
                  <td>{addresses[index]}</td>
                  <td>
                    <span className="status-badge">{STATUS_LABELS[verdict.status]}</span>
                  </td>
                  <td>{verdict.qpvCode ? `${verdict.qpvNom} (${verdict.qpvCode})` : ''}</td>
                  <td>{verdict.precision}</td>
                  <td>{verdict.label}</td>
                  <td>{verdict.motif}</td>
                  <td>
                    <button
                      type="button"
                      className="button-link"
                      aria-label={`Corriger la position de la ligne ${index + firstLine}`}
                      onClick={() => setCorrecting(index)}
                    >
                      Corriger
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
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
