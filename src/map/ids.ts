/**
 * Source and layer ids of the map, as constants: other features (verdict, actions, file check) and the e2e tests
 * refer to them, so they never change at runtime. Basemap ids start with `fond-`, overlay ids with their topic.
 */

/**
 * Sources, each declared by a `<Source>` of the map view: the basemap's roads and water (`public/tiles/basemap/`)
 * and the QPV (`public/tiles/qpv/`) are static vector tiles; the others are GeoJSON from `data/` (through the
 * loader) or computed (the 300 m band); the online raster source only on opt-in.
 */
export const SOURCE = {
  basemapTiles: 'fond-tuiles',
  /** The QPV and commune outlines and label points, static vector tiles (`public/tiles/qpv/`). */
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
  /** In the QPV tiles: the covered communes' surfaces `{ insee, nom }` (data/communes.geojson), exact from z12. */
  communes: 'communes',
  /** In the QPV tiles: one label point per commune `{ insee, nom }`. */
  communeLabels: 'communes-etiquettes',
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

/**
 * Slots of the base style: invisible placeholder layers, bottom to top. Every `<Layer>` of the app is inserted just
 * below its slot (`beforeId`), so the stacking order is written here once and never depends on which component
 * mounts first or which file arrives first (Mapbox GL's style slots, emulated for MapLibre). Layers sharing a slot
 * come from one `<Source>` and stack in the order they are written.
 */
export const SLOT = {
  online: 'ancre-fond-en-ligne',
  communeFill: 'ancre-communes-surface',
  basemap: 'ancre-fond',
  communeLine: 'ancre-communes-limites',
  roadLabel: 'ancre-routes-noms',
  communeLabel: 'ancre-communes-noms',
  vatBand: 'ancre-bande-300m',
  qpvFill: 'ancre-qpv-surface',
  /** The planner's parks, walking-access areas and IRIS: over the QPV fill, under its outlines. */
  planningUnder: 'ancre-amenagement-dessous',
  qpvLines: 'ancre-qpv-limites',
  streets: 'ancre-rues-saint-pierre',
  qpvLabel: 'ancre-qpv-noms',
  /** The planner's France services points, over everything but the actions and the answer. */
  planning: 'ancre-amenagement',
  actions: 'ancre-actions',
  fileCheck: 'ancre-fichier',
  verdict: 'ancre-reponse',
} as const;
export type SlotId = (typeof SLOT)[keyof typeof SLOT];

/** Layers that answer a click in navigation mode. */
export const INTERACTIVE_LAYERS: string[] = [OVERLAY_LAYER.street, OVERLAY_LAYER.qpvFill];

/** The QPV of the Saint-Pierre quartier of Croix, emphasised on the map. */
export const FOCUS_QPV_CODE = 'QN05980M';

/** Image id of the hatching used by the 300 m band (generated at runtime, src/features/map/map-images.ts). */
export const HATCH_IMAGE = 'hachures-bande-300m';

/**
 * Fonts shipped in `public/fonts/` (Noto Sans, OFL). Every label of the default view is in Medium: one font means
 * one glyph request (47 kB) before the map is complete (issue 10); Italic only names the QPVs.
 */
export const FONT = {
  medium: 'Noto Sans Medium',
  italic: 'Noto Sans Italic',
} as const;
