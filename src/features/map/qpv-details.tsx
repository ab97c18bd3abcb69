/**
 * Description of the selected QPV (map click, Enter on the map, or the list): code, name, communes, area, legal
 * text and the precision of the outline we draw. Announced politely to screen readers.
 */
import { area } from '@turf/turf';
import { useEffect, useState } from 'react';
import { formatArea } from '../../domain/format.ts';
import { QpvContractFacts } from '../pages/contract-facts.tsx';
import { selectQpv, useMapState } from './map-state.ts';
import { loadQpvCatalogueEntries, loadQpvOutline, type QpvCatalogueEntry } from './qpv-catalogue.ts';
import './map-panels.css';

const DECREE =
  'décret n° 2023-1314 du 28 décembre 2023, rectifié par le décret n° 2024-806 du 13 juillet 2024';
const number = (digits: number) =>
  new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The copy of the ANCT layer the outline comes from, in words. */
export function precisionText(precisionM: number): string {
  return precisionM < 1
    ? `copie à 6 décimales de la couche ANCT (précision ≈ ${number(1).format(precisionM)} m)`
    : `copie à 4 décimales de la couche ANCT (précision ≈ ${number(0).format(precisionM)} m)`;
}

export function QpvDetails() {
  const { selectedQpv } = useMapState();
  const [qpvs, setQpvs] = useState<QpvCatalogueEntry[] | null>(null);
  const [surface, setSurface] = useState<{ code: string; m2: number } | null>(null);

  useEffect(() => {
    if (!selectedQpv || qpvs) return;
    let cancelled = false;
    loadQpvCatalogueEntries()
      .then((data) => !cancelled && setQpvs(data))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [selectedQpv, qpvs]);

  // The area needs the outline: loaded for the selected QPV only, shown when it arrives.
  useEffect(() => {
    if (!selectedQpv) return;
    let cancelled = false;
    loadQpvOutline(selectedQpv)
      .then((outline) => {
        if (!cancelled && outline)
          setSurface({ code: selectedQpv, m2: area(outline as Parameters<typeof area>[0]) });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [selectedQpv]);

  const entry = selectedQpv ? qpvs?.find((qpv) => qpv.code === selectedQpv) : undefined;
  const squareMetres = surface && surface.code === entry?.code ? surface.m2 : null;
  return (
    <div className="qpv-details-region" aria-live="polite">
      {entry ? (
        <section className="qpv-details" aria-labelledby="qpv-details-titre">
          <div className="qpv-details-head">
            <h2 id="qpv-details-titre">{entry.nom}</h2>
            <button type="button" className="qpv-details-close" onClick={() => selectQpv(null)}>
              Fermer<span className="visually-hidden"> la description du quartier</span>
            </button>
          </div>
          <dl>
            <dt>Code</dt>
            <dd>{entry.code}</dd>
            <QpvContractFacts code={entry.code} />
            <dt>{entry.communes.length > 1 ? 'Communes' : 'Commune'}</dt>
            <dd>{entry.communes.join(', ')}</dd>
            <dt>Superficie</dt>
            <dd>{squareMetres === null ? 'calcul…' : `≈ ${formatArea(squareMetres)}`}</dd>
            <dt>Texte</dt>
            <dd>Quartier prioritaire de la politique de la ville, {DECREE}</dd>
            <dt>Source du contour</dt>
            <dd>
              ANCT, quartiers prioritaires 2024 (Licence Ouverte) — {precisionText(entry.precision_m)}
              {entry.source ? <span className="qpv-source-id"> [{entry.source}]</span> : null}
            </dd>
          </dl>
          <p className="panel-hint">
            Contour indicatif : seule la réponse de{' '}
            <a href="https://sig.ville.gouv.fr/" rel="noopener noreferrer" target="_blank">
              sig.ville.gouv.fr (nouvel onglet)
            </a>{' '}
            fait foi.
          </p>
        </section>
      ) : null}
    </div>
  );
}
