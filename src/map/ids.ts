/**
 * Source and layer ids of the map, as constants: other features (verdict, actions, file check) and the e2e tests
 * refer to them, so they never change at runtime. Basemap ids start with `fond-`, overlay ids with their topic.
 */

/**
 * Sources: the basemap's roads and water (`public/tiles/basemap/`) and the QPV (`public/tiles/qpv/`) are static vector tiles; the others are
 * GeoJSON, filled from `data/` by the map view; the online raster source only on opt-in.
 */
export const SOURCE = {
  communes: 'communes',
  communeLabels: 'communes-etiquettes',
  basemapTiles: 'fond-tuiles',
  /** The QPV outlines and label points, static vector tiles (`public/tiles/qpv/`). */
  qpv: 'qpv',
  streets: 'rues-saint-pierre',
  vatBand: 'bande-300m',
  online: 'fond-en-ligne',
} as const;

/**
 * Layer names inside the basemap tiles (`source-layer`), written by scripts/lib/tiles.ts. `routes` carries
 * `{ classe, nom?, insee? }` (names and communes from the z12 tiles: labels, searched street); `eau` has no properties.
 */
export const TILE_LAYER = {
  roads: 'routes',
  water: 'eau',
  /** In the QPV tiles: outlines `{ code, nom }`, exact from z12. */
  qpv: 'qpv',
  /** In the QPV tiles: one label point per QPV `{ code, nom }`. */
  qpvLabels: 'qpv-etiquettes',
} as const;

/** Basemap layers, bottom to top. */
export const BASEMAP_LAYER = {
  background: 'fond-arriere-plan',
  communeFill: 'fond-communes-surface',
  water: 'fond-eau',
  roadMinorCasing: 'fond-routes-secondaires-bord',
  roadMajorCasing: 'fond-routes-principales-bord',
  roadHighwayCasing: 'fond-autoroutes-bord',
  roadMinor: 'fond-routes-secondaires',
  roadMajor: 'fond-routes-principales',
  roadHighway: 'fond-autoroutes',
  communeLine: 'fond-communes-limites',
  roadLabel: 'fond-routes-noms',
  communeLabel: 'fond-communes-noms',
} as const;

/** The opt-in online raster basemap (OpenStreetMap France), added under the first basemap layer. */
export const ONLINE_LAYER = 'fond-en-ligne-osm';

/** Overlay layers (QPV, band, Saint-Pierre streets), bottom to top. */
export const OVERLAY_LAYER = {
  vatBandFill: 'bande-300m-surface',
  vatBandLine: 'bande-300m-limite',
  qpvFill: 'qpv-surface',
  qpvLine: 'qpv-limite',
  qpvFocusLine: 'qpv-saint-pierre-limite',
  qpvSelectedLine: 'qpv-selection-limite',
  streetCasing: 'rues-saint-pierre-bord',
  streetSelected: 'rues-saint-pierre-selection',
  street: 'rues-saint-pierre',
  streetLabel: 'rues-saint-pierre-noms',
  qpvLabel: 'qpv-noms',
} as const;

/** Layers that answer a click in navigation mode. */
export const INTERACTIVE_LAYERS: string[] = [OVERLAY_LAYER.street, OVERLAY_LAYER.qpvFill];

/** The QPV of the Saint-Pierre quartier of Croix, emphasised on the map. */
export const FOCUS_QPV_CODE = 'QN05980M';

/** Image id of the hatching used by the 300 m band (generated at runtime, see map-view). */
export const HATCH_IMAGE = 'hachures-bande-300m';

/** Fonts shipped in `public/fonts/` (Noto Sans, OFL); one font per layer. */
export const FONT = {
  regular: 'Noto Sans Regular',
  medium: 'Noto Sans Medium',
  italic: 'Noto Sans Italic',
} as const;
