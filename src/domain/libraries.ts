// The libraries shipped to the browser, with their licence: what the « Sources et mentions » page lists
// (tests/unit/sources.test.ts checks each licence against the package's package.json).

export interface Library {
  name: string;
  licence: string;
  role: string;
}

/** Libraries shipped to the browser, with the licence of their package.json (checked by a unit test). */
export const LIBRARIES: readonly Library[] = [
  { name: 'React', licence: 'MIT', role: 'interface' },
  { name: 'React DOM', licence: 'MIT', role: 'interface' },
  { name: 'MapLibre GL JS', licence: 'BSD-3-Clause', role: 'carte' },
  { name: 'MapLibre Style Specification', licence: 'ISC', role: 'styles de la carte' },
  { name: 'react-map-gl', licence: 'MIT', role: 'carte dans React' },
  { name: 'Turf', licence: 'MIT', role: 'calculs géographiques (dans / hors / en limite)' },
  { name: 'Flatbush', licence: 'ISC', role: 'index spatial' },
  { name: 'Papa Parse', licence: 'MIT', role: 'lecture des fichiers CSV' },
  { name: 'saxes', licence: 'ISC', role: 'lecture des fichiers Excel (XML)' },
  { name: 'fflate', licence: 'MIT', role: 'compression, lecture des fichiers Excel (zip)' },
  { name: 'idb-keyval', licence: 'Apache-2.0', role: 'enregistrement local (sur votre appareil)' },
  { name: 'Terra Draw', licence: 'MIT', role: 'dessin sur la carte' },
  { name: 'terra-draw-maplibre-gl-adapter', licence: 'MIT', role: 'dessin sur la carte' },
  { name: 'geojson-validation', licence: 'LGPL-3', role: 'contrôle des fichiers géographiques' },
  { name: 'Valibot', licence: 'MIT', role: 'contrôle des fichiers de données et des actions importées' },
];

/** npm package of each library (for the licence check; not shown). */
export const LIBRARY_PACKAGES: Readonly<Record<string, string>> = {
  React: 'react',
  'React DOM': 'react-dom',
  'MapLibre GL JS': 'maplibre-gl',
  'MapLibre Style Specification': '@maplibre/maplibre-gl-style-spec',
  'react-map-gl': 'react-map-gl',
  Turf: '@turf/turf',
  Flatbush: 'flatbush',
  'Papa Parse': 'papaparse',
  saxes: 'saxes',
  fflate: 'fflate',
  'idb-keyval': 'idb-keyval',
  'Terra Draw': 'terra-draw',
  'terra-draw-maplibre-gl-adapter': 'terra-draw-maplibre-gl-adapter',
  'geojson-validation': 'geojson-validation',
  Valibot: 'valibot',
};
