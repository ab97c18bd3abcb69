/**
 * Exports of the file check: the summary (counts only, for funders) and the row file (every row, original columns
 * then ours). Encoding and delimiter default to the input's; data minimisation is on by default (CNIL: keep only
 * what the purpose needs).
 */
import { useId, useState } from 'react';
import { ENCODING_LABELS, type TextEncodingName } from '../../domain/batch/decode.ts';
import { DELIMITER_LABELS, type Delimiter } from '../../domain/batch/table.ts';
import type { TablePreview } from '../../domain/batch/worker-protocol.ts';
import { requestExport } from './batch-state.ts';

export function FileCheckExport({ preview, notice }: { preview: TablePreview; notice: string | null }) {
  const id = useId();
  const inputEncoding: TextEncodingName =
    preview.source.kind === 'csv' ? preview.source.encoding : 'utf-8-bom';
  const inputDelimiter: Delimiter = preview.source.kind === 'csv' ? preview.source.delimiter : ';';
  const [encoding, setEncoding] = useState<TextEncodingName>(inputEncoding);
  const [minimise, setMinimise] = useState(true);
  const encodings: TextEncodingName[] = [
    ...new Set<TextEncodingName>([inputEncoding, 'utf-8-bom', 'windows-1252']),
  ];
  return (
    <section className="file-check-export" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`}>Exporter</h3>
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
          Ne garder que les colonnes d’adresse (recommandé : minimisation des données personnelles). Les
          lignes restent dans le même ordre que votre fichier.
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
