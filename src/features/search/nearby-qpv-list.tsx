/**
 * Keyboard and screen-reader access to the QPVs of the covered communes: the same selection as a click on the
 * map (details panel + outline), and the map shows the chosen QPV. The list reads data/qpv/catalogue.json (66 kB
 * gzip), loaded only when the list comes near the screen (one screen ahead) or receives the focus: on a phone it
 * sits below the full-screen map, and the default view never downloads it (issue 10).
 */
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { FOCUS_QPV_CODE } from '../../map/ids.ts';
import { mapController } from '../map/map-controller.ts';
import { selectQpv, useMapState } from '../map/map-state.ts';
import { loadQpvCatalogueEntries, type QpvCatalogueEntry } from '../map/qpv-catalogue.ts';

/**
 * True once `ref`'s element is within one screen of the viewport (or got the focus); at once where the browser
 * has no IntersectionObserver.
 */
function useNearScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    const onFocus = () => setNear(true);
    element.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      element.removeEventListener('focusin', onFocus);
    };
  }, [ref, near]);
  return near;
}

export function NearbyQpvList() {
  const [data, setData] = useState<{ qpv: QpvCatalogueEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { selectedQpv } = useMapState();
  const ref = useRef<HTMLDetailsElement>(null);
  const near = useNearScreen(ref);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    loadQpvCatalogueEntries()
      .then((qpv) => !cancelled && setData({ qpv }))
      .catch((reason: unknown) => {
        if (!cancelled)
          setError(reason instanceof Error ? reason.message : 'Liste des quartiers indisponible.');
      });
    return () => {
      cancelled = true;
    };
  }, [near]);

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
    <details className="nearby-qpv" open ref={ref}>
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
