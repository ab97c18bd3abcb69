/**
 * Step 2 of the file check: what was read (encoding, delimiter, header, row count, warnings), a preview of the
 * first rows, and one select per role to confirm or fix the automatic column mapping.
 */
import { useId, useState } from 'react';
import {
  COLUMN_ROLES,
  type ColumnMapping,
  type ColumnRole,
  mappingProblem,
  ROLE_LABELS,
} from '../../domain/batch/column-mapping.ts';
import { ENCODING_LABELS } from '../../domain/batch/decode.ts';
import { LARGE_FILE_ROWS } from '../../domain/batch/read-input.ts';
import { DELIMITER_LABELS } from '../../domain/batch/table.ts';
import type { TablePreview } from '../../domain/batch/worker-protocol.ts';
import { startVerification } from './batch-state.ts';
import { FileCheckPersonal } from './file-check-personal.tsx';

function describeSource(preview: TablePreview): string {
  const source = preview.source;
  const rows = `${preview.rowCount.toLocaleString('fr-FR')} ligne${preview.rowCount > 1 ? 's' : ''} à vérifier`;
  const header = preview.hasHeader
    ? 'ligne d’en-tête détectée'
    : 'pas de ligne d’en-tête (colonnes numérotées)';
  if (source.kind === 'xlsx') return `Classeur Excel, feuille « ${source.sheet} » ; ${header} ; ${rows}.`;
  return `CSV ${ENCODING_LABELS[source.encoding]}, séparateur ${DELIMITER_LABELS[source.delimiter]} ; ${header} ; ${rows}.`;
}

export function FileCheckMapping({ preview, onReset }: { preview: TablePreview; onReset: () => void }) {
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  const baseId = useId();
  const problem = mappingProblem(mapping);
  const setRole = (role: ColumnRole, value: string) =>
    setMapping((previous) => {
      const next = { ...previous };
      if (value === '') delete next[role];
      else next[role] = Number(value);
      return next;
    });
  return (
    <section aria-labelledby="etape-colonnes">
      <h2 id="etape-colonnes">2. Vérifier les colonnes</h2>
      <p data-testid="description-fichier">
        « {preview.name} » : {describeSource(preview)}
      </p>
      {preview.rowCount > LARGE_FILE_ROWS && (
        <p className="file-check-hint">
          Fichier très volumineux : la vérification peut prendre une minute. Pour des fichiers encore plus
          gros, la commande <code>npm run check-addresses</code> fait le même travail hors du navigateur.
        </p>
      )}
      {preview.warnings.length > 0 && (
        <ul className="file-check-warnings">
          {preview.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <fieldset className="file-check-mapping">
        <legend>Quelle colonne contient quoi ? (détection automatique, modifiable)</legend>
        <p className="file-check-hint">
          Une colonne « Adresse complète » suffit ; sinon « Voie » avec « Numéro », « Code postal », « Commune
          » ; ou « Longitude » et « Latitude » en degrés décimaux. Quand une ligne a des coordonnées, elles
          sont utilisées.
        </p>
        <div className="file-check-mapping-grid">
          {COLUMN_ROLES.map((role) => (
            <div key={role} className="file-check-field">
              <label htmlFor={`${baseId}-${role}`}>{ROLE_LABELS[role]}</label>
              <select
                id={`${baseId}-${role}`}
                value={mapping[role] === undefined ? '' : String(mapping[role])}
                onChange={(event) => setRole(role, event.currentTarget.value)}
              >
                <option value="">— aucune —</option>
                {preview.columnNames.map((name, index) => (
                  <option key={name} value={index}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable with the keyboard (WCAG 2.1.1). */}
      <section className="file-check-table-wrap" aria-label="Aperçu du fichier" tabIndex={0}>
        <table className="file-check-table">
          <caption>Aperçu des premières lignes du fichier</caption>
          <thead>
            <tr>
              {preview.columnNames.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.firstRows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity besides their position.
              <tr key={rowIndex}>
                {preview.columnNames.map((name, index) => (
                  <td key={name}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <FileCheckPersonal preview={preview} mapping={mapping} />
      {problem && (
        <p className="file-check-error" role="alert">
          {problem}
        </p>
      )}
      <div className="file-check-actions">
        <button
          type="button"
          className="button-primary"
          disabled={problem !== null}
          onClick={() => startVerification(mapping)}
        >
          Vérifier les {preview.rowCount.toLocaleString('fr-FR')} lignes
        </button>
        <button type="button" className="button-secondary" onClick={onReset}>
          Choisir un autre fichier
        </button>
      </div>
    </section>
  );
}
