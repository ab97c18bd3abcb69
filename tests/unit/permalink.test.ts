import { describe, expect, it } from 'vitest';
import {
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
