// Provenance of every raw input (raw README §1-5): upstream origin, date, licence, attribution. Copied into
// data/manifest.json next to the sha256 of the bytes actually read.

export interface SourceMeta {
  origin: string;
  date: string;
  licence: string;
  attribution: string;
}

const ANCT = '« Source : ANCT, quartiers prioritaires de la politique de la ville, génération 2024 »';
const OSM = "« © les contributrices et contributeurs d'OpenStreetMap »";
const IGN = '« IGN – Admin Express COG 2018 »';

/** Metadata by path relative to the raw directory. */
export const SOURCE_META: Record<string, SourceMeta> = {
  'gazetteer-anct-qp2024/QP2024_France_all_WGS84_4dp.geojson.gz': {
    origin:
      'ANCT QP2024 via bpineau/gazetteer sources/qpv/data/qpv.json.gz @ dceba0705066c7d940b870e8677f708a69a87d89, converted to GeoJSON, 4 decimals',
    date: '2026-06-01',
    licence: 'Licence Ouverte (Etalab)',
    attribution: ANCT,
  },
  'gazetteer-anct-qp2024/QP2024_list_all_1584.csv': {
    origin:
      'derived from bpineau/gazetteer qpv.json.gz (lib_com from helpers/communes/data/france.csv, in_MEL from EPCI 200093201)',
    date: '2026-06-01',
    licence: 'Licence Ouverte (Etalab)',
    attribution: ANCT,
  },
  'mutafriches-anct-qp2024/QN05980M_WGS84_6dp.geojson': {
    origin:
      'ANCT QP2024 via incubateur-ademe/mutafriches apps/api/src/scripts/data/qpv-2024.geojson @ 1b67fd762c6351b9b27ed8de5c49db6379398996, 6 decimals',
    date: '2024-06-27',
    licence: 'Licence Ouverte (Etalab)',
    attribution: ANCT,
  },
  'france-geojson/communes-59-nord.geojson': {
    origin:
      'IGN Admin Express COG 2018, simplified, via gregoiredavid/france-geojson departements/59-nord/communes-59-nord.geojson @ 45daa2d069a8da3ec4efb6672388fc3dc02e36e2',
    date: '2018-08-01',
    licence: 'Licence Ouverte (Etalab)',
    attribution: IGN,
  },
  'gregoiredavid-france-geojson/communes_Croix_Roubaix_Tourcoing_Wattrelos_and_neighbours.geojson': {
    origin: 'filtered from france-geojson/communes-59-nord.geojson (11 communes)',
    date: '2018-08-01',
    licence: 'Licence Ouverte (Etalab)',
    attribution: IGN,
  },
  'francepack-lil/roads.geojson.gz': {
    origin:
      'flopinou/FrancePack data/LIL/roads.geojson.gz @ 33caa06c54da56816621eaff098ec6a8830ca92b (OpenStreetMap-derived, inferred)',
    date: '2026-02-17',
    licence: 'ODbL 1.0 (inferred)',
    attribution: OSM,
  },
  'pierreggt-sbmaps-lil/ocean_depth_index_contours.json.gz': {
    origin:
      'pierreggt/subwaybuilder-maps-france Lille/data/LIL/ocean_depth_index_contours.json.gz @ 95a9d5cca0dc9df8a80cc43dda91e65bfb7d5f91 (OpenStreetMap-derived, inferred)',
    date: '2026-08-22',
    licence: 'ODbL 1.0 (inferred)',
    attribution: OSM,
  },
  'derived-croix/croix_saint_pierre_7_streets.geojson': {
    origin: 'filtered from francepack-lil/roads.geojson.gz (7 names, midpoint in Croix)',
    date: '2026-02-17',
    licence: 'ODbL 1.0 (inferred)',
    attribution: OSM,
  },
};

/** Metadata of the glyph files (protomaps/basemaps-assets). */
export const GLYPH_META: SourceMeta = {
  origin: 'protomaps/basemaps-assets fonts/ @ f12391e9bcf40f9b727c48df01cb5edf2a119d27',
  date: '2025-06-06',
  licence: 'SIL Open Font License 1.1',
  attribution: '© The Noto Project Authors (Noto Sans)',
};

/** Metadata of a user-supplied official ANCT file (--qpv). */
export const OFFICIAL_QPV_META: SourceMeta = {
  origin:
    'ANCT, data.gouv.fr dataset 5a561801c751df42d7fca9b6, resource 942d4ee8-8142-4556-8ea1-335537ce1119 (qpv-2024-geojson.zip)',
  date: '2024-06-27',
  licence: 'Licence Ouverte (Etalab)',
  attribution: ANCT,
};

/** Metadata of a user-supplied BAN file (--ban). */
export const BAN_META: SourceMeta = {
  origin: 'Base Adresse Nationale, adresse.data.gouv.fr adresses-59.csv(.gz)',
  date: 'see the file on adresse.data.gouv.fr',
  licence: 'Licence Ouverte (Etalab)',
  attribution: '« Base Adresse Nationale »',
};

export const GEOGRAPHY = {
  nom: 'QP 2024',
  texte: 'décret n° 2023-1314 du 28 décembre 2023, rectifié par le décret n° 2024-806 du 13 juillet 2024',
};
