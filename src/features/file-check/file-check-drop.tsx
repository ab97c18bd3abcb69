/**
 * Step 1 of the file check: a drop zone and a regular file button (keyboard and screen-reader friendly). The
 * file is read on the device.
 */
import { type DragEvent, useId, useState } from 'react';
import { openFile } from './batch-state.ts';

export function FileCheckDrop({ reading }: { reading: string | null }) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void openFile(file);
  };
  return (
    <section aria-labelledby="etape-fichier">
      <h2 id="etape-fichier">1. Choisir le fichier</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: drag and drop is a pointer shortcut; the file input inside is the keyboard path. */}
      <div
        className={`file-check-drop${over ? ' is-over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Glissez-déposez votre fichier ici, ou</p>
        <label htmlFor={inputId} className="file-check-choose">
          Fichier à vérifier (CSV ou XLSX)
        </label>
        <input
          id={inputId}
          className="file-check-input"
          type="file"
          accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${inputId}-aide`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void openFile(file);
            event.currentTarget.value = '';
          }}
        />
        <p id={`${inputId}-aide`} className="file-check-hint">
          Formats acceptés : CSV (séparateur point-virgule, virgule ou tabulation ; UTF-8 ou Windows-1252) et
          Excel .xlsx (première feuille). Une ligne par bénéficiaire, avec soit une colonne « Adresse », soit
          des colonnes « N° », « Voie », « Code postal », « Commune », soit « longitude » et « latitude ».
        </p>
        {reading && (
          <p role="status" className="file-check-status">
            Lecture de « {reading} »…
          </p>
        )}
      </div>
    </section>
  );
}
