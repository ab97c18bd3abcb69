/**
 * Manual correction of one row: retype its address (checked by the same query as the resident search), or type
 * coordinates (or click the map when it is shown). The row is then labelled « corrigé à la main » on screen and in
 * the export; the file's own cells are never changed.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { parseCoordinate } from '../../domain/batch/column-mapping.ts';
import { type RowVerdict, STATUS_LABELS } from '../../domain/batch/row-checker.ts';
import { placeCorrection, retypeAddress, setCorrecting } from './batch-state.ts';

/** The address cells joined for the page (« 12 · Rue Blanche · Croix ») as one line to edit. */
function editableAddress(address: string, verdict: RowVerdict): string {
  return verdict.correctedAddress || address.split(' · ').join(' ');
}

export function FileCheckCorrection({
  index,
  line,
  address,
  verdict,
}: {
  index: number;
  line: number;
  address: string;
  verdict: RowVerdict;
}) {
  const id = useId();
  const [text, setText] = useState(() => editableAddress(address, verdict));
  const [lon, setLon] = useState(verdict.lon === null ? '' : String(verdict.lon));
  const [lat, setLat] = useState(verdict.lat === null ? '' : String(verdict.lat));
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submitAddress = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(
        'Saisissez l’adresse : numéro, rue, code postal et commune, par exemple 12 rue Chevreul 59170 Croix.',
      );
      return;
    }
    setError(null);
    retypeAddress(index, text);
  };
  const submitPoint = (event: FormEvent) => {
    event.preventDefault();
    const longitude = parseCoordinate(lon);
    const latitude = parseCoordinate(lat);
    if (longitude === null || latitude === null || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
      setError('Saisissez une longitude et une latitude en degrés décimaux, par exemple 3,1512 et 50,6801.');
      return;
    }
    setError(null);
    placeCorrection(index, longitude, latitude);
  };
  return (
    <section className="file-check-correction" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`} tabIndex={-1} ref={heading}>
        Corriger la ligne {line}
      </h3>
      <p>
        Adresse du fichier : « {address || 'vide'} ». Réponse actuelle : {STATUS_LABELS[verdict.status]}
        {verdict.motif ? ` — ${verdict.motif}` : ''}.
      </p>
      <p className="file-check-hint">
        La cellule de votre fichier reste telle quelle ; la ligne est marquée « corrigé à la main » à l’écran
        et dans l’export.
      </p>
      <form onSubmit={submitAddress} aria-label="Retaper l’adresse">
        <div className="file-check-field">
          <label htmlFor={`${id}-adresse`}>Adresse corrigée</label>
          <input
            id={`${id}-adresse`}
            className="file-check-address-input"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <div className="file-check-actions">
          <button type="submit" className="button-primary">
            Vérifier cette adresse
          </button>
        </div>
      </form>
      <form onSubmit={submitPoint} aria-label="Placer le point">
        <p className="file-check-hint">
          Ou cliquez sur la carte à l’emplacement du logement, ou saisissez ses coordonnées (degrés décimaux
          WGS 84).
        </p>
        <div className="file-check-coordinates">
          <label htmlFor={`${id}-lon`}>Longitude</label>
          <input
            id={`${id}-lon`}
            inputMode="decimal"
            value={lon}
            onChange={(event) => setLon(event.currentTarget.value)}
          />
          <label htmlFor={`${id}-lat`}>Latitude</label>
          <input
            id={`${id}-lat`}
            inputMode="decimal"
            value={lat}
            onChange={(event) => setLat(event.currentTarget.value)}
          />
        </div>
        <div className="file-check-actions">
          <button type="submit" className="button-secondary">
            Placer le point et recalculer
          </button>
        </div>
      </form>
      {error && (
        <p className="file-check-error" role="alert">
          {error}
        </p>
      )}
      <div className="file-check-actions">
        <button type="button" className="button-secondary" onClick={() => setCorrecting(null)}>
          Annuler la correction
        </button>
      </div>
    </section>
  );
}
