/**
 * The rows of the results: a table on a wide screen, a list of cards on a phone (≤ 600 px: one card per row, row
 * number, address as typed, the answer in words with its colour, the QPV once, one plain sentence of reason as in
 * the resident search, the full reason — without repeating the QPV's name — behind « Pourquoi ? »). Both carry the
 * same facts and the same « Corriger » button.
 */
import type { ReactNode } from 'react';
import { plainReason, rowFlags, shortMotif } from '../../domain/batch/result-words.ts';
import { type RowVerdict, STATUS_LABELS } from '../../domain/batch/row-checker.ts';
import { setCorrecting } from './batch-state.ts';
import { useNarrowScreen } from './use-narrow-screen.ts';
import './file-check-rows.css';

export interface RowsProps {
  /** Indices of the rows shown (this page, this filter). */
  shown: number[];
  verdicts: RowVerdict[];
  addresses: string[];
  /** Line number in the file of row 0 (2 with a header row). */
  firstLine: number;
  /** « Résultat ligne par ligne — 30 lignes » */
  caption: string;
  /** The row whose correction form opens inside its card (phone), and that form. */
  correcting?: number | null;
  correction?: ReactNode;
}

function Answer({ verdict }: { verdict: RowVerdict }) {
  return (
    <>
      <span className="status-badge">{STATUS_LABELS[verdict.status]}</span>
      {rowFlags(verdict).map((flag) => (
        <span key={flag} className="file-check-flag">
          {flag}
        </span>
      ))}
    </>
  );
}

function qpvText(verdict: RowVerdict): string {
  return verdict.qpvCode ? `${verdict.qpvNom} (${verdict.qpvCode})` : '';
}

function CorrectButton({ line, index }: { line: number; index: number }) {
  return (
    <button
      type="button"
      className="button-link"
      aria-label={`Corriger la ligne ${line}`}
      onClick={() => setCorrecting(index)}
    >
      Corriger
    </button>
  );
}

function RowsTable({ shown, verdicts, addresses, firstLine, caption }: RowsProps) {
  return (
    // Focusable so that keyboard users can scroll the table sideways on a narrow window.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable with the keyboard (WCAG 2.1.1).
    <section className="file-check-table-wrap" aria-label="Résultat ligne par ligne" tabIndex={0}>
      <table className="file-check-table file-check-results-table" data-testid="table-resultats">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="file-check-line">
              Ligne
            </th>
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
                <th scope="row" className="file-check-line">
                  {index + firstLine}
                </th>
                <td>{addresses[index]}</td>
                <td>
                  <Answer verdict={verdict} />
                </td>
                <td>{qpvText(verdict)}</td>
                <td>{verdict.precision}</td>
                <td>{verdict.label}</td>
                <td>{shortMotif(verdict)}</td>
                <td>
                  <CorrectButton line={index + firstLine} index={index} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function RowsCards({ shown, verdicts, addresses, firstLine, caption, correcting, correction }: RowsProps) {
  return (
    <section className="file-check-cards-wrap" aria-labelledby="cartes-lignes-titre">
      <h3 id="cartes-lignes-titre" className="file-check-cards-title">
        {caption}
      </h3>
      <ol className="file-check-cards" data-testid="cartes-resultats">
        {shown.map((index) => {
          const verdict = verdicts[index]!;
          const line = index + firstLine;
          const motif = shortMotif(verdict);
          const reason = plainReason(verdict);
          return (
            <li key={index} className={`file-check-card status-${verdict.status}`}>
              <div className="file-check-card-head">
                <p>
                  <strong>Ligne {line}</strong> <Answer verdict={verdict} />
                </p>
                <CorrectButton line={line} index={index} />
              </div>
              <p className="file-check-card-address">{addresses[index] || '(adresse vide)'}</p>
              {verdict.qpvCode && <p className="file-check-card-qpv">{qpvText(verdict)}</p>}
              {reason && <p className="file-check-card-reason">{reason}</p>}
              {verdict.status !== 'introuvable' && (
                <details className="file-check-card-details">
                  <summary>Pourquoi ?</summary>
                  {verdict.label && (
                    <p>
                      Adresse lue : {verdict.label}
                      {verdict.precision ? ` (${verdict.precision})` : ''}
                    </p>
                  )}
                  {verdict.correctedAddress && <p>Adresse corrigée : {verdict.correctedAddress}</p>}
                  {motif && <p>{motif}</p>}
                </details>
              )}
              {correcting === index && correction}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The rows as a table (wide screen) or as cards (phone). */
export function FileCheckRows(props: RowsProps) {
  return useNarrowScreen() ? <RowsCards {...props} /> : <RowsTable {...props} />;
}
