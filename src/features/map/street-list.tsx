/**
 * The extended Saint-Pierre streets as a list: each street's position relative to the QPV QN05980M in words and
 * metres. Choosing a street highlights it and shows it on the map; the list works without the map.
 */
import { useEffect, useState } from 'react';
import type { StreetCollection } from '../../domain/data-types.ts';
import { coordinatesBbox } from '../../domain/geometry/bbox.ts';
import { loadSaintPierreStreets } from '../../io/data-loader.ts';
import { STREET_STATUS_LABEL, STREET_STATUS_PATTERN, streetMeasures } from '../search/street-status.ts';
import { LegendSwatch } from './legend-swatch.tsx';
import { selectStreet, useMapState } from './map-state.ts';
import './map-panels.css';
import { mapController } from './map-controller.ts';

export function StreetList() {
  const [streets, setStreets] = useState<StreetCollection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { selectedStreet, layers } = useMapState();

  useEffect(() => {
    let cancelled = false;
    loadSaintPierreStreets()
      .then((data) => !cancelled && setStreets(data))
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : 'Liste des rues indisponible.');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section className="panel-section street-list" aria-labelledby="rues-saint-pierre-titre">
      <h2 id="rues-saint-pierre-titre">Rues de Saint-Pierre</h2>
      <p className="panel-hint">
        Les rues du périmètre étendu du Contrat de Ville à Croix, situées par rapport au quartier prioritaire
        QN05980M. Choisissez une rue pour la voir sur la carte.
      </p>
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      {!streets && !error ? <p>Chargement des rues…</p> : null}
      {streets ? (
        <ul className="street-items">
          {streets.features.map((street) => {
            const p = street.properties;
            const selected = selectedStreet === p.id;
            return (
              <li key={p.id}>
                <button
                  type="button"
                  className="street-item"
                  aria-pressed={selected}
                  onClick={() => {
                    selectStreet(p.id);
                    mapController.fitBounds(coordinatesBbox(street.geometry.coordinates), 17.5);
                  }}
                >
                  <LegendSwatch kind={`street-${p.statut}`} />
                  <span className="street-text">
                    <span className="street-name">{p.nom}</span>
                    <span className={`street-status street-status-${p.statut}`}>
                      {STREET_STATUS_LABEL[p.statut]}
                    </span>
                    <span className="street-measures">{streetMeasures(p)}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {streets ? (
        <p className="panel-hint">
          Sur la carte : {STREET_STATUS_PATTERN.dedans} = dans le QPV, {STREET_STATUS_PATTERN.limite} = en
          limite, {STREET_STATUS_PATTERN.partiel} = en partie hors du QPV.
          {layers.includes('rues') ? '' : ' La couche des rues est masquée : activez-la dans « Couches ».'}
        </p>
      ) : null}
    </section>
  );
}
