/**
 * The offline basemap: commune surfaces and limits, water, roads styled by class, road and commune names. Roads
 * and water come from static vector tiles served by the app itself (`public/tiles/basemap/`, built by
 * `npm run data`), so the first view loads a few small tiles instead of parsing the whole roads file; the communes
 * (surfaces, limits, one label point each) come from the QPV tiles (`public/tiles/qpv/`, source `SOURCE.qpv`,
 * declared with the overlays), so the map never downloads data/communes.geojson (issue 10). Glyphs are served from
 * `public/fonts/` (Noto Sans, OFL). `buildMapStyle` is the constant style the map starts with: the background and
 * the slots of `SLOT` (src/map/ids.ts); every source and layer is then declared by a react-map-gl `<Source>` /
 * `<Layer>` of the map view, inserted below its slot (`BASEMAP_SLOTS` here, `OVERLAY_SLOTS` for the overlays), so
 * the stacking order never depends on which file arrives first.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  RasterSourceSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { MAP_COLOR } from './colors.ts';
import { BASEMAP_LAYER, FONT, ONLINE_LAYER, SLOT, type SlotId, SOURCE, TILE_LAYER } from './ids.ts';
import { dashPerFeature } from './line-dash.ts';
import { ATTRIBUTION, BASEMAP_TILES } from './sources.ts';

/** Zoom range: the whole metropolis (10) down to the house scale (19); at 9 only communes and QPV are drawn. */
export const MIN_ZOOM = 9;
export const MAX_ZOOM = 19;

/**
 * The basemap tiles, from the app's own origin (`base` = origin + base path, no trailing slash). Outside `bounds`
 * and below `minzoom` MapLibre requests nothing; above `maxzoom` it overzooms the z14 tiles.
 */
export function basemapTileSource(base: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${base}/${BASEMAP_TILES.path}/{z}/{x}/{y}.pbf`],
    minzoom: BASEMAP_TILES.minzoom,
    maxzoom: BASEMAP_TILES.maxzoom,
    bounds: [...BASEMAP_TILES.bounds],
    attribution: ATTRIBUTION.osm,
  };
}

/** Source and source-layer of the tiled roads and water. */
const ROADS = { source: SOURCE.basemapTiles, 'source-layer': TILE_LAYER.roads } as const;
const WATER = { source: SOURCE.basemapTiles, 'source-layer': TILE_LAYER.water } as const;
/** Source and source-layer of the commune surfaces and of their label points (in the QPV tiles). */
const COMMUNES = { source: SOURCE.qpv, 'source-layer': TILE_LAYER.communes } as const;
const COMMUNE_LABELS = { source: SOURCE.qpv, 'source-layer': TILE_LAYER.communeLabels } as const;

/** Road width in pixels by zoom: hairlines at metropolis scale, real street widths at house scale. */
function roadWidth(atZ10: number, atZ14: number, atZ18: number): ExpressionSpecification {
  return ['interpolate', ['exponential', 1.6], ['zoom'], 10, atZ10, 14, atZ14, 18, atZ18];
}

const isClass = (classe: string): ExpressionSpecification => ['==', ['get', 'classe'], classe];

export function basemapLayers(): LayerSpecification[] {
  return [
    { id: BASEMAP_LAYER.background, type: 'background', paint: { 'background-color': MAP_COLOR.background } },
    {
      id: BASEMAP_LAYER.communeFill,
      type: 'fill',
      ...COMMUNES,
      paint: { 'fill-color': MAP_COLOR.communeFill },
    },
    { id: BASEMAP_LAYER.water, type: 'fill', ...WATER, paint: { 'fill-color': MAP_COLOR.water } },
    {
      id: BASEMAP_LAYER.roadMinorCasing,
      type: 'line',
      ...ROADS,
      minzoom: 12,
      filter: isClass('minor'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': MAP_COLOR.roadMinorCasing, 'line-width': roadWidth(0.5, 3, 16) },
    },
    {
      id: BASEMAP_LAYER.roadMajorCasing,
      type: 'line',
      ...ROADS,
      filter: isClass('major'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': MAP_COLOR.roadMajorCasing, 'line-width': roadWidth(1, 5, 22) },
    },
    {
      id: BASEMAP_LAYER.roadHighwayCasing,
      type: 'line',
      ...ROADS,
      filter: isClass('highway'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': MAP_COLOR.roadHighwayCasing, 'line-width': roadWidth(1.5, 6, 26) },
    },
    {
      id: BASEMAP_LAYER.roadMinor,
      type: 'line',
      ...ROADS,
      minzoom: 12,
      filter: isClass('minor'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': MAP_COLOR.roadMinor, 'line-width': roadWidth(0.2, 2, 13) },
    },
    {
      id: BASEMAP_LAYER.roadMajor,
      type: 'line',
      ...ROADS,
      filter: isClass('major'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': MAP_COLOR.roadMajor, 'line-width': roadWidth(0.6, 3.5, 18) },
    },
    {
      id: BASEMAP_LAYER.roadHighway,
      type: 'line',
      ...ROADS,
      filter: isClass('highway'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': MAP_COLOR.roadHighway, 'line-width': roadWidth(1, 4.5, 22) },
    },
    {
      id: BASEMAP_LAYER.communeLine,
      type: 'line',
      ...COMMUNES,
      paint: {
        'line-color': MAP_COLOR.communeLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 16, 2.5],
        'line-dasharray': dashPerFeature([4, 2]),
      },
    },
    {
      id: BASEMAP_LAYER.roadLabel,
      type: 'symbol',
      ...ROADS,
      minzoom: 14,
      filter: roadLabelFilter([]),
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 280,
        'symbol-sort-key': ['match', ['get', 'classe'], 'highway', 0, 'major', 1, 2],
        'text-field': ['get', 'nom'],
        'text-font': [FONT.medium],
        'text-size': ['interpolate', ['linear'], ['zoom'], 14, 11, 17, 14, 19, 16],
        'text-max-angle': 30,
        'text-padding': 2,
      },
      paint: { 'text-color': MAP_COLOR.roadLabel, 'text-halo-color': MAP_COLOR.halo, 'text-halo-width': 1.6 },
    },
    {
      id: BASEMAP_LAYER.communeLabel,
      type: 'symbol',
      ...COMMUNE_LABELS,
      maxzoom: 16.5,
      layout: {
        'text-field': ['get', 'nom'],
        'text-font': [FONT.medium],
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 15, 16, 18],
        'text-max-width': 8,
        'text-padding': 4,
      },
      paint: {
        'text-color': MAP_COLOR.communeLabel,
        'text-halo-color': MAP_COLOR.halo,
        'text-halo-width': 2,
      },
    },
  ];
}

/** The slot of each basemap layer (background excepted: it is the style's own first layer). */
export const BASEMAP_SLOTS: Record<string, SlotId> = {
  [BASEMAP_LAYER.communeFill]: SLOT.communeFill,
  [BASEMAP_LAYER.water]: SLOT.basemap,
  [BASEMAP_LAYER.roadMinorCasing]: SLOT.basemap,
  [BASEMAP_LAYER.roadMajorCasing]: SLOT.basemap,
  [BASEMAP_LAYER.roadHighwayCasing]: SLOT.basemap,
  [BASEMAP_LAYER.roadMinor]: SLOT.basemap,
  [BASEMAP_LAYER.roadMajor]: SLOT.basemap,
  [BASEMAP_LAYER.roadHighway]: SLOT.basemap,
  [BASEMAP_LAYER.communeLine]: SLOT.communeLine,
  [BASEMAP_LAYER.roadLabel]: SLOT.roadLabel,
  [BASEMAP_LAYER.communeLabel]: SLOT.communeLabel,
  [ONLINE_LAYER]: SLOT.online,
};

/** OpenStreetMap France raster tiles: only added when the user explicitly opts in (it contacts a third party). */
export function onlineSource(): RasterSourceSpecification {
  return {
    type: 'raster',
    tiles: ['a', 'b', 'c'].map((s) => `https://${s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png`),
    tileSize: 256,
    maxzoom: 19,
    attribution: ATTRIBUTION.osmFrance,
  };
}

export function onlineLayer(): LayerSpecification {
  return { id: ONLINE_LAYER, type: 'raster', source: SOURCE.online, paint: { 'raster-opacity': 0.9 } };
}

/** Basemap layers hidden while the online basemap is shown (it already draws roads, water and names). */
export const LAYERS_HIDDEN_BY_ONLINE: readonly string[] = [
  BASEMAP_LAYER.communeFill,
  BASEMAP_LAYER.water,
  BASEMAP_LAYER.roadMinorCasing,
  BASEMAP_LAYER.roadMajorCasing,
  BASEMAP_LAYER.roadHighwayCasing,
  BASEMAP_LAYER.roadMinor,
  BASEMAP_LAYER.roadMajor,
  BASEMAP_LAYER.roadHighway,
  BASEMAP_LAYER.roadLabel,
];

export interface MapStyleOptions {
  /**
   * Origin + base path the glyphs and basemap tiles are served from, e.g. `http://127.0.0.1:4173/` (trailing
   * slash optional). MapLibre's worker resolves no relative URL, hence the absolute origin.
   */
  glyphsBase: string;
}

/** The slots as layers: `background` layers that are never shown (cheap, no source). */
export function slotLayers(): LayerSpecification[] {
  return Object.values(SLOT).map((id) => ({ id, type: 'background', layout: { visibility: 'none' } }));
}

/**
 * The constant style the map starts with: the glyphs, the background and the slots; no source (each one comes
 * with its `<Source>`).
 *
 * @example
 * const style = buildMapStyle({ glyphsBase: window.location.origin + import.meta.env.BASE_URL });
 */
export function buildMapStyle(options: MapStyleOptions): StyleSpecification {
  const base = options.glyphsBase.replace(/\/$/, '');
  const background = basemapLayers().filter((layer) => layer.id === BASEMAP_LAYER.background);
  return {
    version: 8,
    name: 'Périmètre — fond de carte hors ligne',
    glyphs: `${base}/fonts/{fontstack}/{range}.pbf`,
    sources: {},
    layers: [...background, ...slotLayers()],
  };
}

/**
 * Filter of the road-name layer that leaves out the given streets in their commune (they are labelled by the
 * Saint-Pierre street layer instead), so a name is not printed twice along the same street.
 */
export function roadLabelFilter(
  excluded: ReadonlyArray<{ nom: string; insee: string }>,
): FilterSpecification {
  const named: ExpressionSpecification = ['to-boolean', ['get', 'nom']];
  if (excluded.length === 0) return named;
  return [
    'all',
    named,
    ...excluded.map(
      ({ nom, insee }): ExpressionSpecification => [
        '!',
        ['all', ['==', ['get', 'nom'], nom], ['==', ['get', 'insee'], insee]],
      ],
    ),
  ];
}
