/**
 * Keyboard and screen-reader access to the QPVs of the covered communes: the same selection as a click on the
 * map (details panel + outline), and the map shows the chosen QPV.
 */
import { useEffect, useMemo, useState } from 'react';
import { loadCommunes, loadQpv } from '../data-loader.ts';
import type { CommuneCollection, QpvCollection } from '../domain/data-types.ts';
import { FOCUS_QPV_CODE } from '../map/ids.ts';
import { requestFitBounds, selectQpv, useMapState } from '../state/map-state.ts';

export function NearbyQpvList() {
  const [data, setData] = useState<{ qpv: QpvCollection; communes: CommuneCollection } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { selectedQpv } = useMapState();

  useEffect(() => {
    let cancelled = false;
    Promise.all([loadQpv(), loadCommunes()])
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
    const covered = new Set(data.communes.features.map((commune) => commune.properties.insee));
    // The 26 QPVs of the MEL's contract (flag `mel`, Armentières included, outside the covered communes);
    // the covered communes' QPVs only for a file without the flag.
    const hasMelFlag = data.qpv.features.some((qpv) => qpv.properties.mel === true);
    return data.qpv.features
      .filter((qpv) =>
        hasMelFlag ? qpv.properties.mel === true : qpv.properties.insee.some((insee) => covered.has(insee)),
      )
      .sort((a, b) =>
        a.properties.code === FOCUS_QPV_CODE
          ? -1
          : b.properties.code === FOCUS_QPV_CODE
            ? 1
            : a.properties.nom.localeCompare(b.properties.nom, 'fr'),
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
        {nearby.map((qpv) => {
          const p = qpv.properties;
          return (
            <li key={p.code}>
              <button
                type="button"
                aria-pressed={selectedQpv === p.code}
                onClick={() => {
                  selectQpv(p.code);
                  if (qpv.bbox) requestFitBounds(qpv.bbox, 16);
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
