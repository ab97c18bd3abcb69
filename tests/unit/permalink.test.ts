import { describe, expect, it } from 'vitest';
import {
  coarsenView,
  DEFAULT_LAYERS,
  DEFAULT_VIEW,
  decodeLayers,
  decodeView,
  encodeLayers,
  encodeView,
} from '../../src/domain/permalink.ts';

describe('carte= (view)', () => {
  it('encodes zoom/lat/lon with short rounding', () => {
    expect(encodeView({ lon: 3.154512345, lat: 50.685801234, zoom: 15.4999 })).toBe('15.5/50.6858/3.15451');
    expect(encodeView(DEFAULT_VIEW)).toBe('15.5/50.6858/3.1545');
  });

  it('round-trips a view within a metre', () => {
    const view = { lon: 3.1612345, lat: 50.6912345, zoom: 13.37 };
    const back = decodeView(encodeView(view));
    expect(back).not.toBeNull();
    expect(Math.abs(back!.lon - view.lon)).toBeLessThan(1e-5);
    expect(Math.abs(back!.lat - view.lat)).toBeLessThan(1e-5);
    expect(back!.zoom).toBe(13.37);
  });

  it.each([
    [null],
    [''],
    ['15.5/50.6858'],
    ['15.5/50.6858/3.1545/2'],
    ['abc/50/3'],
    ['15//3'],
    ['15/95/3'],
    ['15/50/181'],
    ['30/50/3'],
    ['-1/50/3'],
    ['Infinity/50/3'],
  ])('rejects %s', (text) => {
    expect(decodeView(text)).toBeNull();
  });
});

describe('carte= while an answer is shown (issue 15, D13)', () => {
  it('keeps the neighbourhood, not the house: 3 decimals, zoom ≤ 15', () => {
    // The geocoded home of « 43 Rue Paul Lafargue » at the verdict zoom, as the issue saw it in the URL.
    expect(encodeView(coarsenView({ lon: 3.15366, lat: 50.686, zoom: 17 }))).toBe('15/50.686/3.154');
    expect(encodeView(coarsenView({ lon: 3.1545, lat: 50.6858, zoom: 12.5 }))).toBe('12.5/50.686/3.155');
  });

  it('never writes more than 3 decimals or a zoom above 15, for any view', () => {
    for (let i = 0; i < 500; i++) {
      // Deterministic spread of views over the MEL at every zoom (no Math.random: a failure replays).
      const view = {
        lon: 2.9 + ((i * 7919) % 5000) / 10000,
        lat: 50.5 + ((i * 104729) % 4000) / 10000,
        zoom: (i % 45) / 2,
      };
      const [zoom, lat, lon] = encodeView(coarsenView(view)).split('/');
      expect(Number(zoom)).toBeLessThanOrEqual(15);
      for (const part of [lat!, lon!]) expect(part.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(3);
      // Still within 0.0005° (≈ 55 m) of the real centre: the link shows the right neighbourhood.
      expect(Math.abs(Number(lat) - view.lat)).toBeLessThanOrEqual(0.0005 + 1e-12);
      expect(Math.abs(Number(lon) - view.lon)).toBeLessThanOrEqual(0.0005 + 1e-12);
    }
  });
});

describe('couches= (layers)', () => {
  it('encodes in legend order without duplicates', () => {
    expect(encodeLayers(['bande300', 'qpv', 'qpv'])).toBe('qpv,bande300');
    expect(encodeLayers([])).toBe('');
  });

  it('gives the default layers when the parameter is absent, none when empty', () => {
    expect(decodeLayers(null)).toEqual([...DEFAULT_LAYERS]);
    expect(decodeLayers('')).toEqual([]);
  });

  it('ignores unknown keys and keeps the legend order', () => {
    expect(decodeLayers('bande300, rues,osm,QPV')).toEqual(['rues', 'bande300']);
  });

  it('round-trips every subset', () => {
    const all = ['qpv', 'rues', 'bande300'] as const;
    for (let mask = 0; mask < 8; mask++) {
      const subset = all.filter((_, i) => mask & (1 << i));
      expect(decodeLayers(encodeLayers(subset))).toEqual(subset);
    }
  });
});
