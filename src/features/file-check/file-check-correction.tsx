/**
 * Manual correction of one row: type coordinates (or click the map when it is shown). The row's verdict is
 * recomputed by the same geometric test, with precision « point placé ».
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { parseCoordinate } from '../../domain/batch/column-mapping.ts';
import { type RowVerdict, STATUS_LABELS } from '../../domain/batch/row-checker.ts';
import { placeCorrection, setCorrecting } from './batch-state.ts';

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
  const [lon, setLon] = useState(verdict.lon === null ? '' : String(verdict.lon));
  const [lat, setLat] = useState(verdict.lat === null ? '' : String(verdict.lat));
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submit = (event: FormEvent) => {
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
    <form className="file-check-correction" onSubmit={submit} aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`} tabIndex={-1} ref={heading}>
        Corriger la ligne {line}
      </h3>
      <p>
        Adresse du fichier : « {address || 'vide'} ». Réponse actuelle : {STATUS_LABELS[verdict.status]}
        {verdict.motif ? ` — ${verdict.motif}` : ''}.
      </p>
      <p className="file-check-hint">
        Cliquez sur la carte à l’emplacement du logement, ou saisissez ses coordonnées (degrés décimaux WGS
        84).
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
      {error && (
        <p className="file-check-error" role="alert">
          {error}
        </p>
      )}
      <div className="file-check-actions">
        <button type="submit" className="button-primary">
          Placer le point et recalculer
        </button>
        <button type="button" className="button-secondary" onClick={() => setCorrecting(null)}>
          Annuler la correction
        </button>
      </div>
    </form>
  );
}
