/**
 * Map of the checked rows, lazy-loaded (MapLibre is heavy and the table comes first). Rows without a position
 * (introuvable) are not drawn: they are listed in the table.
 */
import { lazy, Suspense, useState } from 'react';
import type { RowVerdict } from '../../domain/batch/row-checker.ts';

const FileCheckMapView = lazy(() => import('./file-check-map-view.tsx'));

export function FileCheckMap({
  verdicts,
  correcting,
}: {
  verdicts: RowVerdict[];
  correcting: number | null;
}) {
  const [shown, setShown] = useState(true);
  const placed = verdicts.reduce((count, verdict) => count + (verdict.lon === null ? 0 : 1), 0);
  return (
    <section className="file-check-map" aria-labelledby="carte-lignes-titre">
      <div className="file-check-map-head">
        <h3 id="carte-lignes-titre">Carte des lignes</h3>
        <button type="button" className="button-link" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Masquer la carte' : 'Afficher la carte'}
        </button>
      </div>
      <p className="file-check-hint">
        {placed.toLocaleString('fr-FR')} ligne{placed > 1 ? 's' : ''} placée{placed > 1 ? 's' : ''} sur la
        carte : vert plein = dans un QPV, gris = hors QPV, brun cerclé épais = en limite. Le tableau
        ci-dessous donne les mêmes informations en texte.
      </p>
      {shown && (
        <div className="file-check-map-frame">
          <Suspense fallback={<p className="loading">Chargement de la carte…</p>}>
            <FileCheckMapView verdicts={verdicts} correcting={correcting} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
