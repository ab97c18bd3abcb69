/**
 * Keyboard and screen-reader access to the QPVs of the covered communes: the same selection as a click on the
 * map (details panel + outline), and the map shows the chosen QPV.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CommuneCollection } from '../../domain/data-types.ts';
import { loadCommunes } from '../../io/data-loader.ts';
import { FOCUS_QPV_CODE } from '../../map/ids.ts';
import { mapController } from '../map/map-controller.ts';
import { selectQpv, useMapState } from '../map/map-state.ts';
import { loadQpvCatalogueEntries, type QpvCatalogueEntry } from '../map/qpv-catalogue.ts';

export function NearbyQpvList() {
  const [data, setData] = useState<{ qpv: QpvCatalogueEntry[]; communes: CommuneCollection } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { selectedQpv } = useMapState();

  useEffect(() => {
    let cancelled = false;
    Promise.all([loadQpvCatalogueEntries(), loadCommunes()])
      .then(([qpv, communes]) => !cancelled && setData({ qpv, communes }))
      .catch((reason: unknown) => {
        if (!cancelled)
          setError(reason instanceof Error ? reason.message : 'Liste des quartiers indisponible.');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const nearby = useMemo(() => {
    if (!data) return [];
    // The 26 QPVs of the MEL's contract (flag `mel`, Armentières included, outside the covered communes).
    return data.qpv
      .filter((qpv) => qpv.mel)
      .sort((a, b) =>
        a.code === FOCUS_QPV_CODE ? -1 : b.code === FOCUS_QPV_CODE ? 1 : a.nom.localeCompare(b.nom, 'fr'),
      );
  }, [data]);

  return (
    <details className="nearby-qpv" open>
      <summary>
        Quartiers prioritaires de la métropole{nearby.length > 0 ? ` (${nearby.length})` : ''}
      </summary>
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      {!data && !error ? <p>Chargement des quartiers…</p> : null}
      <ul className="nearby-qpv-items">
        {nearby.map((p) => {
          return (
            <li key={p.code}>
              <button
                type="button"
                aria-pressed={selectedQpv === p.code}
                onClick={() => {
                  selectQpv(p.code);
                  mapController.fitBounds(p.bbox, 16);
                }}
              >
                <span className="nearby-qpv-name">{p.nom}</span>
                <span className="nearby-qpv-meta">
                  {p.code} · {p.communes.join(', ')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
