/**
 * Colours of the map. Lines and outlines that carry meaning reach ≥ 3:1 against the basemap (WCAG 1.4.11);
 * label colours reach ≥ 4.5:1 against their halo. Meaning never rests on colour alone: outlines differ by width
 * and dash pattern too, and the legend names every style.
 */
export const MAP_COLOR = {
  background: '#f3f1ec',
  communeFill: '#f7f6f2',
  communeLine: '#6b6f76',
  communeLabel: '#3b3f45',
  water: '#a9cbe0',
  roadMinor: '#ffffff',
  roadMinorCasing: '#c9c3b8',
  roadMajor: '#ffffff',
  roadMajorCasing: '#9c958a',
  roadHighway: '#f6c98c',
  roadHighwayCasing: '#b07a3a',
  roadLabel: '#33363b',
  halo: '#ffffff',
  qpv: '#1d4e89',
  qpvFocus: '#123761',
  qpvSelected: '#c2410c',
  vatBand: '#8a4b00',
  street: '#b3261e',
  streetSelected: '#ffd400',
  streetLabel: '#7a1410',
} as const;
