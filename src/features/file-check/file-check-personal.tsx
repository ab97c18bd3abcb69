/**
 * Before the check: a warning when column names look like personal data the check does not need (names, birth
 * dates, contact details, social security numbers), with one checkbox per column to leave it out of the export.
 * Default: keep (the export keeps every column unless the user says otherwise).
 */
import { type ColumnMapping, mappedColumns } from '../../domain/batch/column-mapping.ts';
import { PERSONAL_KIND_LABELS } from '../../domain/batch/personal-data.ts';
import type { TablePreview } from '../../domain/batch/worker-protocol.ts';
import { setColumnDropped, useBatchState } from './batch-state.ts';

export function FileCheckPersonal({ preview, mapping }: { preview: TablePreview; mapping: ColumnMapping }) {
  const { dropped } = useBatchState();
  const used = new Set(mappedColumns(mapping));
  const columns = preview.personalColumns.filter((column) => !used.has(column.index));
  if (columns.length === 0) return null;
  return (
    <section className="file-check-personal" aria-labelledby="donnees-personnelles-titre">
      <h3 id="donnees-personnelles-titre">Ce fichier semble contenir des données personnelles</h3>
      <p>
        {columns.length > 1 ? 'Les colonnes ' : 'La colonne '}
        {columns.map((column, position) => (
          <span key={column.index}>
            {position > 0 && (position === columns.length - 1 ? ' et ' : ', ')}« {column.name} » (
            {PERSONAL_KIND_LABELS[column.kind]})
          </span>
        ))}{' '}
        {columns.length > 1 ? 'ne servent' : 'ne sert'} pas à la vérification. Le fichier ne quitte jamais
        votre appareil : il est lu et vérifié dans ce navigateur, rien n’est envoyé. Mais l’export ligne par
        ligne reprend toutes les colonnes : retirez celles qui n’ont pas à circuler.
      </p>
      <fieldset className="file-check-personal-choices">
        <legend>Retirer de l’export (par défaut, tout est gardé)</legend>
        {columns.map((column) => (
          <label key={column.index} className="file-check-check">
            <input
              type="checkbox"
              checked={dropped.includes(column.index)}
              onChange={(event) => setColumnDropped(column.index, event.currentTarget.checked)}
            />{' '}
            Retirer « {column.name} » de l’export
          </label>
        ))}
      </fieldset>
    </section>
  );
}
