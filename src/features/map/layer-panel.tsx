/**
 * Layer toggles with their legend (patterns and words, not colour alone), the opt-in online basemap with its
 * privacy warning, and the list of nearby QPVs for keyboard selection. Toggles are kept in the permalink.
 */
import type { LayerKey } from '../../domain/permalink.ts';
import { useStore } from '../../lib/create-store.ts';
import { NearbyQpvList } from '../search/nearby-qpv-list.tsx';
import { LegendSwatch } from './legend-swatch.tsx';
import {
  setLayerVisible,
  setOnlineBasemap,
  useMapState,
  type VatBandStatus,
  vatBandStatusStore,
} from './map-state.ts';
import './map-panels.css';

function LayerToggle({
  layer,
  label,
  children,
}: {
  layer: LayerKey;
  label: string;
  children?: React.ReactNode;
}) {
  const { layers } = useMapState();
  const id = `couche-${layer}`;
  return (
    <div className="layer-toggle">
      <input
        id={id}
        type="checkbox"
        checked={layers.includes(layer)}
        onChange={(event) => setLayerVisible(layer, event.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {children ? <div className="layer-legend">{children}</div> : null}
    </div>
  );
}

function LegendRow({
  kind,
  children,
}: {
  kind: Parameters<typeof LegendSwatch>[0]['kind'];
  children: React.ReactNode;
}) {
  return (
    <p className="legend-row">
      <LegendSwatch kind={kind} />
      <span>{children}</span>
    </p>
  );
}

const BAND_STATUS_TEXT: Record<VatBandStatus, string> = {
  absent: '',
  calcul: 'Calcul de la bande de 300 m…',
  pret: 'Bande de 300 m affichée (calculée sur votre appareil à partir des contours ANCT).',
  erreur: 'La bande de 300 m n’a pas pu être calculée. Réessayez en décochant puis recochant la case.',
};

export function LayerPanel() {
  const { onlineBasemap } = useMapState();
  const bandStatus = useStore(vatBandStatusStore);
  return (
    <section className="panel-section layer-panel" aria-labelledby="couches-titre">
      <h2 id="couches-titre">Couches et légende</h2>
      <fieldset>
        <legend>Afficher sur la carte</legend>
        <LayerToggle layer="qpv" label="Quartiers prioritaires 2024 (QPV)">
          <LegendRow kind="qpv">Contour fin : périmètre d’un QPV (décret n° 2023-1314)</LegendRow>
          <LegendRow kind="qpv-focus">Contour épais : QN05980M, dont Croix Saint-Pierre</LegendRow>
          <LegendRow kind="qpv-selected">Tirets orange : quartier sélectionné</LegendRow>
        </LayerToggle>
        <LayerToggle layer="rues" label="Rues de Saint-Pierre (périmètre étendu)">
          <LegendRow kind="street-dedans">Trait plein : rue dans le QPV</LegendRow>
          <LegendRow kind="street-limite">Tirets : la limite du QPV suit la rue</LegendRow>
          <LegendRow kind="street-partiel">Pointillés : rue en partie hors du QPV</LegendRow>
        </LayerToggle>
        <LayerToggle layer="bande300" label="Bande de 300 m — TVA à 5,5 % (CGI, art. 278 sexies)">
          <LegendRow kind="band">
            Hachures : dans un QPV ou à moins de 300 m de sa limite. Ce n’est pas un QPV : c’est la zone où un
            logement en accession sociale peut bénéficier de la TVA à 5,5 % (logement entièrement dans la
            bande).
          </LegendRow>
          <p className="panel-hint" role="status">
            {BAND_STATUS_TEXT[bandStatus]}
          </p>
        </LayerToggle>
      </fieldset>
      <fieldset>
        <legend>Fond de carte</legend>
        <LegendRow kind="commune">
          Tirets gris : limite de commune (cadastre Etalab où il est publié, sinon IGN 2018 simplifiée)
        </LegendRow>
        <LegendRow kind="road">Rues et routes (OpenStreetMap), avec leur nom aux grandes échelles</LegendRow>
        <div className="layer-toggle">
          <input
            id="fond-en-ligne"
            type="checkbox"
            checked={onlineBasemap}
            aria-describedby="fond-en-ligne-aide"
            onChange={(event) => setOnlineBasemap(event.currentTarget.checked)}
          />
          <label htmlFor="fond-en-ligne">Fond de carte détaillé en ligne (OpenStreetMap France)</label>
          <p id="fond-en-ligne-aide" className="panel-hint">
            Désactivé par défaut. L’activer envoie des requêtes à OpenStreetMap France (tile.openstreetmap.fr)
            : votre adresse IP et la zone affichée leur sont transmises. Le fond hors ligne reste disponible
            sans connexion.
          </p>
        </div>
      </fieldset>
      <NearbyQpvList />
    </section>
  );
}
