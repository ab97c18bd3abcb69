/**
 * Exports of the file check: the summary (counts only, for funders) and the row file (every row, original columns
 * then ours). Encoding and delimiter default to the input's. Every original column is kept by default, like the
 * CLI; the page says plainly which columns it leaves out when the user asks for it (address columns only, or the
 * personal-data columns ticked before the check).
 */
import { useId, useState } from 'react';
import { type ColumnMapping, mappedColumns } from '../../domain/batch/column-mapping.ts';
import { ENCODING_LABELS, type TextEncodingName } from '../../domain/batch/decode.ts';
import { DELIMITER_LABELS, type Delimiter } from '../../domain/batch/table.ts';
import type { TablePreview } from '../../domain/batch/worker-protocol.ts';
import { requestExport, useBatchState } from './batch-state.ts';

/** « Toutes les colonnes de votre fichier (4) sont gardées… » or the list of those left out. */
function columnsStatement(names: readonly string[], left: readonly number[]): string {
  if (left.length === 0)
    return `Le fichier ligne par ligne garde toutes les lignes et toutes les colonnes de votre fichier (${names.length}), dans le même ordre, puis ajoute les colonnes du résultat.`;
  const list = left.map((index) => `« ${names[index] ?? ''} »`).join(', ');
  return `Le fichier ligne par ligne garde toutes les lignes, mais retire ${left.length > 1 ? 'les colonnes' : 'la colonne'} ${list} ; les autres colonnes suivent dans le même ordre, puis celles du résultat.`;
}

export function FileCheckExport({
  preview,
  mapping,
  notice,
}: {
  preview: TablePreview;
  mapping: ColumnMapping;
  notice: string | null;
}) {
  const id = useId();
  const { dropped } = useBatchState();
  const inputEncoding: TextEncodingName =
    preview.source.kind === 'csv' ? preview.source.encoding : 'utf-8-bom';
  const inputDelimiter: Delimiter = preview.source.kind === 'csv' ? preview.source.delimiter : ';';
  const [encoding, setEncoding] = useState<TextEncodingName>(inputEncoding);
  const [minimise, setMinimise] = useState(false);
  const kept = new Set(mappedColumns(mapping));
  const left = preview.columnNames
    .map((_, index) => index)
    .filter((index) => !kept.has(index) && (minimise || dropped.includes(index)));
  const encodings: TextEncodingName[] = [
    ...new Set<TextEncodingName>([inputEncoding, 'utf-8-bom', 'windows-1252']),
  ];
  return (
    <section className="file-check-export" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`}>Exporter</h3>
      <p className="file-check-hint" data-testid="export-colonnes">
        {columnsStatement(preview.columnNames, left)}
      </p>
      <div className="file-check-actions">
        <button
          type="button"
          className="button-primary"
          onClick={() =>
            requestExport({ kind: 'synthese', encoding, delimiter: inputDelimiter, minimise: true })
          }
        >
          Télécharger la synthèse (chiffres seulement)
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => requestExport({ kind: 'lignes', encoding, delimiter: inputDelimiter, minimise })}
        >
          Télécharger le fichier ligne par ligne
        </button>
      </div>
      <details className="file-check-export-options">
        <summary>Options d’export</summary>
        <div className="file-check-field">
          <label htmlFor={`${id}-encodage`}>Encodage du fichier exporté</label>
          <select
            id={`${id}-encodage`}
            value={encoding}
            onChange={(event) => setEncoding(event.currentTarget.value as TextEncodingName)}
          >
            {encodings.map((value) => (
              <option key={value} value={value}>
                {ENCODING_LABELS[value]}
                {value === inputEncoding && preview.source.kind === 'csv'
                  ? ' — comme le fichier d’origine'
                  : ''}
              </option>
            ))}
          </select>
        </div>
        <p className="file-check-hint">
          Séparateur : {DELIMITER_LABELS[inputDelimiter]}
          {preview.source.kind === 'csv' ? ', comme le fichier d’origine' : ' (celui d’Excel en français)'}.
          Le nom du fichier porte la géographie et la date de vérification.
        </p>
        <label className="file-check-check">
          <input
            type="checkbox"
            checked={minimise}
            onChange={(event) => setMinimise(event.currentTarget.checked)}
          />{' '}
          Ne garder que les colonnes d’adresse (minimisation des données personnelles). Les lignes restent
          toutes, dans le même ordre que votre fichier.
        </label>
      </details>
      {notice && (
        <p role="status" className="file-check-notice" data-testid="export-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
