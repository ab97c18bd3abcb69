/**
 * The layers every map of the app draws, declared with react-map-gl `<Source>` / `<Layer>` from the typed specs of
 * src/map: the offline basemap (or the opt-in online one) and the overlays (QPV, 300 m band, Saint-Pierre
 * streets). Each layer goes below its slot of the base style (src/map/ids.ts `SLOT`), so the stacking order is
 * the specs' whatever the order in which sources arrive. Visibility, filters and data are props: React diffs them
 * and react-map-gl applies only what changed (`setData`, `setFilter`, `setLayoutProperty`).
 */
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { useMemo } from 'react';
import { Layer, Source } from 'react-map-gl/maplibre';
import { LAYER_KEYS, type LayerKey } from '../../domain/permalink.ts';
import {
  BASEMAP_SLOTS,
  basemapLayers,
  basemapTileSource,
  LAYERS_HIDDEN_BY_ONLINE,
  onlineLayer,
  onlineSource,
} from '../../map/basemap-style.ts';
import { BASEMAP_LAYER, OVERLAY_LAYER, SOURCE } from '../../map/ids.ts';
import {
  LAYER_GROUPS,
  OVERLAY_SLOTS,
  overlayLayers,
  qpvTileSource,
  STREETS_SOURCE,
  selectedQpvFilter,
  selectedStreetFilter,
  VAT_BAND_SOURCE,
} from '../../map/overlay-layers.ts';
import type { BaseMapData } from './base-data.ts';

type Collection = GeoJSON.FeatureCollection;

function sourceOf(layer: LayerSpecification): string | undefined {
  return 'source' in layer && typeof layer.source === 'string' ? layer.source : undefined;
}

/** `<Layer>`s of the specs read from `source`, each below its slot, with what the caller changes. */
function layersOf(
  specs: readonly LayerSpecification[],
  source: string,
  slots: Record<string, string>,
  adjust: (layer: LayerSpecification) => { visible?: boolean; filter?: FilterSpecification } = () => ({}),
) {
  return specs
    .filter((layer) => sourceOf(layer) === source)
    .map((layer) => {
      const { visible, filter } = adjust(layer);
      const props = {
        ...layer,
        ...(visible === undefined
          ? {}
          : { layout: { ...layer.layout, visibility: visible ? 'visible' : 'none' } }),
        ...(filter ? { filter } : {}),
      } as LayerSpecification;
      return <Layer key={layer.id} {...props} beforeId={slots[layer.id]} />;
    });
}

export interface BasemapLayersProps {
  /** Origin + base path of the app, no trailing slash (tiles come from the app itself). */
  base: string;
  data: BaseMapData;
  /** The OpenStreetMap France raster tiles, on the user's explicit choice. */
  online: boolean;
}

/** What the map changes on a basemap layer: hidden under the online basemap, road names filtered. */
function basemapAdjust(online: boolean, data: BaseMapData) {
  return (layer: LayerSpecification) => ({
    ...(online && LAYERS_HIDDEN_BY_ONLINE.includes(layer.id) ? { visible: false } : {}),
    ...(layer.id === BASEMAP_LAYER.roadLabel ? { filter: data.roadLabelFilter } : {}),
  });
}

/**
 * The offline basemap's roads and water (or the online raster). Its commune layers read the QPV tiles: they are
 * declared in the QPV tiles' `<Source>` by {@link OverlayLayers} (one source, one `<Source>`).
 */
export function BasemapLayers({ base, data, online }: BasemapLayersProps) {
  const specs = useMemo(() => basemapLayers(), []);
  const tiles = useMemo(() => basemapTileSource(base), [base]);
  const adjust = basemapAdjust(online, data);
  return (
    <>
      {online ? (
        <Source id={SOURCE.online} {...onlineSource()}>
          <Layer {...onlineLayer()} beforeId={BASEMAP_SLOTS[onlineLayer().id]} />
        </Source>
      ) : null}
      <Source id={SOURCE.basemapTiles} {...tiles}>
        {layersOf(specs, SOURCE.basemapTiles, BASEMAP_SLOTS, adjust)}
      </Source>
    </>
  );
}

/** What the map page's panels set on the overlays; the file-check map keeps the defaults. */
export interface OverlayState {
  /** Layer toggles shown (permalink `couches`). */
  layers: readonly LayerKey[];
  selectedQpv: string | null;
  selectedStreet: string | null;
}

export interface OverlayLayersProps {
  base: string;
  data: BaseMapData;
  state: OverlayState;
  /** The 300 m band once computed (null before). */
  vatBand: Collection | null;
  /** The online basemap is shown: the commune surfaces (in the QPV tiles) are hidden under it. */
  online?: boolean;
}

export function OverlayLayers({ base, data, state, vatBand, online = false }: OverlayLayersProps) {
  const specs = useMemo(() => overlayLayers(), []);
  const basemapSpecs = useMemo(() => basemapLayers(), []);
  const qpvTiles = useMemo(() => qpvTileSource(base), [base]);
  const adjust = (layer: LayerSpecification) => {
    const group = LAYER_KEYS.find((key) => LAYER_GROUPS[key].includes(layer.id));
    const visible = group ? state.layers.includes(group) : undefined;
    if (layer.id === OVERLAY_LAYER.qpvSelectedLine)
      return { visible, filter: selectedQpvFilter(state.selectedQpv) };
    if (layer.id === OVERLAY_LAYER.streetSelected)
      return { visible, filter: selectedStreetFilter(state.selectedStreet) };
    return { visible };
  };
  return (
    <>
      {/* The 300 m band: a source only once computed (the layer toggle), none on the default map. */}
      {vatBand ? (
        <Source id={SOURCE.vatBand} {...VAT_BAND_SOURCE} data={vatBand}>
          {layersOf(specs, SOURCE.vatBand, OVERLAY_SLOTS, adjust)}
        </Source>
      ) : null}
      <Source id={SOURCE.qpv} {...qpvTiles}>
        {/* The basemap's commune surfaces, limits and names (layers `communes`, `communes-etiquettes`). */}
        {layersOf(basemapSpecs, SOURCE.qpv, BASEMAP_SLOTS, basemapAdjust(online, data))}
        {layersOf(specs, SOURCE.qpv, OVERLAY_SLOTS, adjust)}
      </Source>
      <Source id={SOURCE.streets} {...STREETS_SOURCE} data={data.streets}>
        {layersOf(specs, SOURCE.streets, OVERLAY_SLOTS, adjust)}
      </Source>
    </>
  );
}
