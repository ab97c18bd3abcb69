import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  BASEMAP_SLOTS,
  basemapLayers,
  basemapTileSource,
  buildMapStyle,
  LAYERS_HIDDEN_BY_ONLINE,
  onlineLayer,
  onlineSource,
} from '../../src/map/basemap-style.ts';
import {
  BASEMAP_LAYER,
  FONT,
  INTERACTIVE_LAYERS,
  ONLINE_LAYER,
  OVERLAY_LAYER,
  SLOT,
  SOURCE,
  TILE_LAYER,
} from '../../src/map/ids.ts';
import {
  LAYER_GROUPS,
  OVERLAY_SLOTS,
  overlayLayers,
  qpvTileSource,
  STREETS_SOURCE,
  VAT_BAND_SOURCE,
} from '../../src/map/overlay-layers.ts';

const SHIPPED_FONTS: readonly string[] = Object.values(FONT);
const SLOT_IDS: ReadonlySet<string> = new Set(Object.values(SLOT));

/**
 * The style as the map holds it once its `<Source>`s and `<Layer>`s are mounted (src/features/map/base-layers.tsx):
 * the base style, each source, each layer inserted below its slot the way MapLibre's `addLayer(layer, beforeId)`
 * does, in the order the components declare them. The slots themselves are left out.
 */
function completeStyle(glyphsBase: string, online = false): StyleSpecification {
  const style = buildMapStyle({ glyphsBase });
  const base = glyphsBase.replace(/\/$/, '');
  const layers = [...style.layers];
  const placed: [LayerSpecification, string | undefined][] = [
    ...(online ? [[onlineLayer(), BASEMAP_SLOTS[ONLINE_LAYER]] as [LayerSpecification, string]] : []),
    ...basemapLayers()
      .filter((layer) => layer.id !== BASEMAP_LAYER.background)
      .map((layer): [LayerSpecification, string | undefined] => [layer, BASEMAP_SLOTS[layer.id]]),
    ...overlayLayers().map((layer): [LayerSpecification, string | undefined] => [
      layer,
      OVERLAY_SLOTS[layer.id],
    ]),
  ];
  for (const [layer, slot] of placed) {
    const at = layers.findIndex((candidate) => candidate.id === slot);
    if (at < 0) throw new Error(`${layer.id} : pas d’emplacement (${slot})`);
    layers.splice(at, 0, layer);
  }
  return {
    ...style,
    sources: {
      [SOURCE.basemapTiles]: basemapTileSource(base),
      [SOURCE.vatBand]: VAT_BAND_SOURCE,
      [SOURCE.qpv]: qpvTileSource(base),
      [SOURCE.streets]: STREETS_SOURCE,
      ...(online ? { [SOURCE.online]: onlineSource() } : {}),
    },
    layers: layers.filter((layer) => !SLOT_IDS.has(layer.id)),
  };
}

describe('base style (what the map starts with)', () => {
  it('is valid, has no source, and holds the background then the slots, invisible, in their order', () => {
    const style = buildMapStyle({ glyphsBase: 'http://127.0.0.1:4173/' });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources).toEqual({});
    expect(style.layers.map((layer) => layer.id)).toEqual([BASEMAP_LAYER.background, ...Object.values(SLOT)]);
    for (const layer of style.layers.slice(1)) expect(layer.layout).toEqual({ visibility: 'none' });
  });
});

describe('complete map style (basemap + overlays)', () => {
  const style = completeStyle('http://127.0.0.1:4173/');

  it('is valid against the MapLibre style spec', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(validateStyleMin(completeStyle('http://127.0.0.1:4173', true))).toEqual([]);
  });

  it('gives every layer a slot', () => {
    for (const layer of [...basemapLayers(), ...overlayLayers()]) {
      if (layer.id === BASEMAP_LAYER.background) continue;
      expect(BASEMAP_SLOTS[layer.id] ?? OVERLAY_SLOTS[layer.id], layer.id).toBeDefined();
    }
  });

  it('serves glyphs from the app itself and uses only the shipped fonts, one per layer', () => {
    expect(style.glyphs).toBe('http://127.0.0.1:4173/fonts/{fontstack}/{range}.pbf');
    const symbols = style.layers.filter((layer) => layer.type === 'symbol');
    expect(symbols.map((layer) => layer.id)).toEqual([
      BASEMAP_LAYER.roadLabel,
      BASEMAP_LAYER.communeLabel,
      OVERLAY_LAYER.streetLabel,
      OVERLAY_LAYER.qpvLabel,
    ]);
    for (const layer of symbols) {
      const fonts = layer.layout?.['text-font'];
      expect(Array.isArray(fonts) && fonts.length === 1 && SHIPPED_FONTS.includes(fonts[0] as string)).toBe(
        true,
      );
    }
  });

  it('requests nothing from the network by default: GeoJSON filled by the app, tiles from its own origin', () => {
    for (const [id, source] of Object.entries(style.sources)) {
      if (id === SOURCE.basemapTiles || id === SOURCE.qpv) continue;
      expect(source.type, id).toBe('geojson');
      expect(JSON.stringify(source), id).not.toMatch(/https?:/);
    }
    const tiles = style.sources[SOURCE.basemapTiles];
    expect(tiles).toMatchObject({
      type: 'vector',
      tiles: ['http://127.0.0.1:4173/tiles/basemap/{z}/{x}/{y}.pbf'],
      minzoom: 10,
      maxzoom: 14,
    });
    expect(tiles && 'attribution' in tiles && tiles.attribution).toMatch(/OpenStreetMap.*ODbL/);
    expect(style.layers.some((layer) => layer.id === ONLINE_LAYER)).toBe(false);
    expect(style.sources[SOURCE.qpv]).toMatchObject({
      type: 'vector',
      tiles: ['http://127.0.0.1:4173/tiles/qpv/{z}/{x}/{y}.pbf'],
      minzoom: 9,
      maxzoom: 14,
    });
  });

  it('draws roads and water from the tiles, by source-layer', () => {
    const fromTiles = style.layers.filter(
      (layer) => 'source' in layer && layer.source === SOURCE.basemapTiles,
    );
    const byLayer = Object.fromEntries(
      fromTiles.map((layer) => [layer.id, 'source-layer' in layer ? layer['source-layer'] : undefined]),
    );
    expect(byLayer[BASEMAP_LAYER.water]).toBe(TILE_LAYER.water);
    for (const id of [
      BASEMAP_LAYER.roadMinor,
      BASEMAP_LAYER.roadMajor,
      BASEMAP_LAYER.roadHighway,
      BASEMAP_LAYER.roadMinorCasing,
      BASEMAP_LAYER.roadLabel,
    ])
      expect(byLayer[id], id).toBe(TILE_LAYER.roads);
    // Road names are in the z14 tiles only: their layer must not start below.
    expect(
      style.layers.find((layer) => layer.id === BASEMAP_LAYER.roadLabel)?.minzoom,
    ).toBeGreaterThanOrEqual(14);
  });

  it('draws the commune surfaces, limits and names from the QPV tiles, by source-layer (no GeoJSON)', () => {
    const layerOf = (id: string) => style.layers.find((layer) => layer.id === id);
    for (const [id, sourceLayer] of [
      [BASEMAP_LAYER.communeFill, TILE_LAYER.communes],
      [BASEMAP_LAYER.communeLine, TILE_LAYER.communes],
      [BASEMAP_LAYER.communeLabel, TILE_LAYER.communeLabels],
    ] as const) {
      const layer = layerOf(id);
      expect(layer && 'source' in layer && layer.source, id).toBe(SOURCE.qpv);
      expect(layer && 'source-layer' in layer && layer['source-layer'], id).toBe(sourceLayer);
    }
    expect(Object.keys(style.sources).sort()).toEqual(
      [SOURCE.basemapTiles, SOURCE.qpv, SOURCE.streets, SOURCE.vatBand].sort(),
    );
    const qpv = style.sources[SOURCE.qpv];
    expect(qpv && 'attribution' in qpv && qpv.attribution).toMatch(/IGN/);
  });

  it('puts the online basemap right above the background only on request', () => {
    const online = completeStyle('http://x', true);
    expect(online.layers[1]!.id).toBe(ONLINE_LAYER);
    expect(online.sources[SOURCE.online]?.type).toBe('raster');
  });

  it('draws QPV outlines and labels from the QPV tiles, selection by code', () => {
    const qpv = style.sources[SOURCE.qpv];
    expect(qpv && 'attribution' in qpv && qpv.attribution).toMatch(/ANCT.*Licence Ouverte/);
    const layerOf = (id: string) => style.layers.find((layer) => layer.id === id);
    for (const id of [
      OVERLAY_LAYER.qpvFill,
      OVERLAY_LAYER.qpvLine,
      OVERLAY_LAYER.qpvFocusLine,
      OVERLAY_LAYER.qpvSelectedLine,
    ]) {
      const layer = layerOf(id);
      expect(layer && 'source' in layer && layer.source, id).toBe(SOURCE.qpv);
      expect(layer && 'source-layer' in layer && layer['source-layer'], id).toBe(TILE_LAYER.qpv);
    }
    const label = layerOf(OVERLAY_LAYER.qpvLabel);
    expect(label && 'source-layer' in label && label['source-layer']).toBe(TILE_LAYER.qpvLabels);
    const selected = layerOf(OVERLAY_LAYER.qpvSelectedLine);
    expect(selected && 'filter' in selected && selected.filter).toEqual(['==', ['get', 'code'], '']);
  });

  it('stacks the overlays above the basemap, labels last', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.indexOf(OVERLAY_LAYER.qpvFill)).toBeGreaterThan(ids.indexOf(BASEMAP_LAYER.roadHighway));
    expect(ids.indexOf(OVERLAY_LAYER.street)).toBeGreaterThan(ids.indexOf(OVERLAY_LAYER.qpvLine));
    expect(ids.indexOf(OVERLAY_LAYER.vatBandFill)).toBeLessThan(ids.indexOf(OVERLAY_LAYER.qpvFill));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hides the 300 m band until asked for', () => {
    for (const id of LAYER_GROUPS.bande300) {
      expect(style.layers.find((layer) => layer.id === id)?.layout).toMatchObject({ visibility: 'none' });
    }
  });

  it('refers only to existing layers in groups, interactions and online hiding', () => {
    const ids = new Set(style.layers.map((layer) => layer.id));
    for (const id of [
      ...Object.values(LAYER_GROUPS).flat(),
      ...INTERACTIVE_LAYERS,
      ...LAYERS_HIDDEN_BY_ONLINE,
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});

describe('the validation itself', () => {
  it('reports a typo (so the test above can fail)', () => {
    const style = completeStyle('http://x');
    const broken = {
      ...style,
      layers: style.layers.map((layer) =>
        layer.id === OVERLAY_LAYER.qpvLine ? { ...layer, paint: { 'line-colour': '#000' } } : layer,
      ),
    };
    expect(validateStyleMin(broken as typeof style).length).toBeGreaterThan(0);
  });
});
