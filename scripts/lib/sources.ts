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

const AUTMEL = '« AUT-MEL, autmel/geoservice-data (GPL-3.0) »';
const AUTMEL_REPO = 'autmel/geoservice-data @ 5265b16569379d392a328f13ba9e3abebd9ff1e5';
const GPL = 'GNU GPL-3.0 (dépôt AUT-MEL) ; source amont : ';

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
  'autmel-geoservice-data/communes_MEL_cadastre_etalab_bbox.geojson': {
    origin: `${AUTMEL_REPO} data/cadastres/9/cadastre_c2c_1.json (Etalab cadastre, latest at 2024-12-20), cropped to lon 3.05–3.30 / lat 50.62–50.76`,
    date: '2024-12-20',
    licence: `${GPL}Licence Ouverte 2.0 (Etalab / DGFiP, cadastre)`,
    attribution: `${AUTMEL} ; « DGFiP – Etalab, cadastre »`,
  },
  'autmel-geoservice-data/parcs_jardins_MEL_bbox.geojson': {
    origin: `${AUTMEL_REPO} geojson/parkOutline/1/parkOutline_2019_1.json, cropped to lon 3.05–3.30 / lat 50.62–50.76`,
    date: '2026-01-10',
    licence: `${GPL}open data MEL et villes (LO) et OpenStreetMap (ODbL) (inferred)`,
    attribution: `${AUTMEL} ; « MEL, villes de la MEL » ; ${OSM}`,
  },
  'autmel-geoservice-data/iris_MEL_bbox.geojson': {
    origin: `${AUTMEL_REPO} geojson/iris/1/iris_2019_1.json, cropped to lon 3.05–3.30 / lat 50.62–50.76`,
    date: '2025-10-29',
    licence: `${GPL}Licence Ouverte (IGN – Contours IRIS, inferred)`,
    attribution: `${AUTMEL} ; « IGN – INSEE, Contours IRIS »`,
  },
  'autmel-geoservice-data/isochrones_parcs_2019_MEL_bbox.geojson': {
    origin: `${AUTMEL_REPO} geojson/isochrones/1/isochrone_2019_1.json (the association's computation, INSEE Filosofi 2019), cropped to lon 3.05–3.30 / lat 50.62–50.76`,
    date: '2026-01-10',
    licence: `${GPL}INSEE Filosofi 2019 (Licence Ouverte) et calcul de l'association`,
    attribution: `${AUTMEL} ; « INSEE, Filosofi 2019 »`,
  },
  ...Object.fromEntries(
    [2015, 2017, 2019].map((year) => [
      `autmel-geoservice-data/stats_communes/stats_59163_${year}.json`,
      {
        origin: `${AUTMEL_REPO} data/stats/59/59163/stats_59163_${year}.json (the association's computation, INSEE Filosofi ${year})`,
        date: '2025-11-13',
        licence: `${GPL}INSEE Filosofi ${year} (Licence Ouverte) et calcul de l'association`,
        attribution: `${AUTMEL} ; « INSEE, Filosofi ${year} »`,
      },
    ]),
  ),
  'anct-france-services-2024/liste-fs-20240801_bbox.csv': {
    origin:
      'anct-carto/france_services data/liste-fs-20240801.csv @ 77f42baab04eae687d5eef1acdc79ee395f9562b, the 5 records in lon 3.05–3.30 / lat 50.62–50.76',
    date: '2024-08-01',
    licence: 'Licence Ouverte 2.0',
    attribution: '« ANCT – France services, 01/08/2024 »',
  },
  'anct-civille-mel/postes_adultes_relais_fonjep_MEL_2020_2025.csv': {
    origin:
      'anct-carto/ci-ville src/assets/{adulte-relais,postes-fonjep}-2020…2023.json @ 7465bbcfc6be5fbf454cff9ea5f25d4a31ce5f91 and anct-carto/ci-ville2 (2024–2025) @ c4110278f334830e8fc67047729926275cec4c78, rows of code_cv CV192 or CN05911M',
    date: '2026-03-12',
    licence: 'Licence Ouverte 2.0',
    attribution: '« ANCT – Dauphin, subventions politique de la ville »',
  },
  'qp2024-qp2015-correspondance/correspondance_qp2024_qp2015_MEL.csv': {
    origin:
      'ANCT liste-correspondance-qp2024-qp2015.csv via Jpmartinslag/neural-temporal-relational-model data/interim/policy/qpv_correspondance_2024_2015_v0.csv @ e637d02eaa6ede87853906962792d1bde8da8683, 26 MEL rows transcribed',
    date: '2024-01-01',
    licence: 'Licence Ouverte (ANCT, inferred)',
    attribution: '« Source : ANCT, correspondance QP2024 – QP2015 »',
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
