/**
 * The datasets and libraries of Périmètre, with their source, licence and required attribution: what the
 * « Sources et mentions » page shows, in plain French. The data pipeline records the exact provenance of every
 * raw file in `data/manifest.json` (path, sha256, origin, date, licence, attribution: scripts/lib/sources.ts);
 * `describeDatasets` (./data-manifest.ts) joins that manifest to this list; the libraries are in ./libraries.ts; and tests/unit/sources.test.ts fails when a manifest
 * source or output is not covered here, or when a library's licence differs from its package.json.
 */

export interface Dataset {
  id: string;
  /** Plain-French name, as a heading. */
  titre: string;
  /** What it is used for in the app. */
  usage: string;
  producteur: string;
  licence: string;
  licenceUrl: string;
  /** Attribution to display wherever the data is shown or reused. */
  attribution: string;
  /** Details a reader may need: precision, version, how the copy was made. */
  details: string[];
  /** Prefixes of the raw paths (`data/manifest.json` → `sources[].path`) this dataset covers. */
  sourcePrefixes: string[];
  /** Prefixes of `sources[].origin` for files given on the command line (`--qpv`, `--ban`: wherever the file lies). */
  originPrefixes?: string[];
  /** Files of the app (`outputs[].path` or other committed files) made from it. */
  fichiers: string[];
  /** Start of the manifest's `licence` field for these sources (cross-check). */
  licenceManifeste?: string;
}

const LICENCE_OUVERTE = 'Licence Ouverte / Open Licence (Etalab)';
const LICENCE_OUVERTE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';
const ODBL = 'Open Database License (ODbL) 1.0';
const ODBL_URL = 'https://opendatacommons.org/licenses/odbl/1-0/';
const OSM_ATTRIBUTION = '© les contributeurs d’OpenStreetMap';

export const DATASETS: readonly Dataset[] = [
  {
    id: 'qpv',
    titre: 'Quartiers prioritaires de la politique de la ville, géographie 2024',
    usage:
      'Contours des quartiers prioritaires dessinés sur la carte et utilisés pour le test « dans / hors / en limite ».',
    producteur: 'Agence nationale de la cohésion des territoires (ANCT)',
    licence: LICENCE_OUVERTE,
    licenceUrl: LICENCE_OUVERTE_URL,
    attribution: 'Source : ANCT, quartiers prioritaires de la politique de la ville, génération 2024',
    details: [
      'Géographie fixée par le décret n° 2023-1314 du 28 décembre 2023, rectifié par le décret n° 2024-806 du 13 juillet 2024.',
      'Couche nationale (1 584 quartiers) : copie du fichier de l’ANCT dont les coordonnées sont arrondies à 4 décimales, soit une précision d’environ 5 mètres.',
      'Quartier QN05980M (Roubaix-Tourcoing Blanc Seau, Croix Bas Saint-Pierre, Wattrelos Nord) : copie plus précise, à 6 décimales (de l’ordre du décimètre).',
      'Le fichier officiel complet est publié par l’ANCT sur data.gouv.fr.',
    ],
    sourcePrefixes: ['gazetteer-anct-qp2024/', 'mutafriches-anct-qp2024/'],
    originPrefixes: ['ANCT, data.gouv.fr'],
    // The outlines, and the compact copies the browser reads (catalogue without geometry, shards by département).
    fichiers: ['data/qpv-2024.geojson', 'data/qpv/'],
    licenceManifeste: 'Licence Ouverte',
  },
  {
    id: 'communes',
    titre: 'Limites des communes',
    usage: 'Contours de Croix et des communes voisines, et rattachement des rues à leur commune.',
    producteur: 'IGN, Admin Express COG 2018',
    licence: LICENCE_OUVERTE,
    licenceUrl: LICENCE_OUVERTE_URL,
    attribution: 'IGN – Admin Express COG 2018',
    details: [
      'Contours simplifiés (quelques mètres d’écart possibles le long des limites communales), issus du projet france-geojson.',
    ],
    sourcePrefixes: ['france-geojson/', 'gregoiredavid-france-geojson/'],
    fichiers: ['data/communes.geojson'],
    licenceManifeste: 'Licence Ouverte',
  },
  {
    id: 'codes-postaux',
    titre: 'Codes postaux',
    usage: 'Code postal de chaque commune (59170 pour Croix), pour reconnaître les adresses saisies.',
    producteur: 'La Poste, base officielle des codes postaux (paquet npm codes-postaux)',
    licence: LICENCE_OUVERTE,
    licenceUrl: LICENCE_OUVERTE_URL,
    attribution: 'La Poste, base officielle des codes postaux',
    details: ['Lue au moment de la préparation des données ; rien n’est interrogé en ligne.'],
    sourcePrefixes: [],
    fichiers: ['data/communes.geojson'],
  },
  {
    id: 'voirie-eau',
    titre: 'Rues et plans d’eau (fond de carte)',
    usage:
      'Fond de carte hors ligne (axes des rues et leurs noms, eau) et liste des rues de Saint-Pierre concernées par l’extension.',
    producteur: 'OpenStreetMap, extraits préparés par les projets FrancePack et subwaybuilder-maps-france',
    licence: ODBL,
    licenceUrl: ODBL_URL,
    attribution: OSM_ATTRIBUTION,
    details: [
      'Données dérivées d’OpenStreetMap (licence ODbL déduite de leur origine : les extraits ne l’indiquent pas eux-mêmes).',
      'Les sept rues de l’extension de Saint-Pierre (Chevreul, Lafargue, Saint-Pierre, Tonkin, Saint-Jacques, Blanche, Lavoisier) sont tirées de ces mêmes axes, filtrés sur la commune de Croix.',
    ],
    sourcePrefixes: ['francepack-lil/', 'pierreggt-sbmaps-lil/', 'derived-croix/'],
    fichiers: [
      'data/roads.geojson',
      'data/water.geojson',
      'data/saint-pierre-streets.geojson',
      'data/streets.json',
      'data/street-sides.json',
      'data/street-lines/',
    ],
    licenceManifeste: 'ODbL 1.0',
  },
  {
    id: 'glyphes',
    titre: 'Police des étiquettes de la carte (Noto Sans)',
    usage:
      'Dessin des noms de rues sur la carte, servi par le site lui-même (aucune police chargée sur le web).',
    producteur: 'The Noto Project Authors, via protomaps/basemaps-assets',
    licence: 'SIL Open Font License 1.1',
    licenceUrl: 'https://openfontlicense.org/open-font-license-official-text/',
    attribution: '© The Noto Project Authors (Noto Sans)',
    details: ['Le texte de la licence est fourni avec les fichiers : fonts/OFL.txt.'],
    sourcePrefixes: ['protomaps-basemaps-assets/fonts/'],
    fichiers: ['public/fonts/'],
    licenceManifeste: 'SIL Open Font License 1.1',
  },
  {
    id: 'objectifs',
    titre: 'Enjeux et objectifs du Contrat de Ville et des Solidarités',
    usage:
      'Les 6 enjeux de la Métropole Européenne de Lille et les 6 objectifs de Croix, pour classer les actions.',
    producteur: 'Ville de Croix, délibération du conseil municipal (Volet Territorial 2024-2030)',
    licence: 'Document administratif public, cité sans modification',
    licenceUrl: '',
    attribution:
      'Délibération du conseil municipal de Croix, « Politique de la Ville — Volet Territorial du Contrat de Ville et des Solidarités 2024-2030 »',
    details: [
      'Les enjeux ont été définis par le Conseil métropolitain de la MEL le 19 avril 2024 et sont cités dans la délibération.',
    ],
    sourcePrefixes: [],
    fichiers: ['data/objectives.json'],
  },
  {
    id: 'actions',
    titre: 'Registre des actions du contrat',
    usage: 'Actions affichées sur la carte et dans la liste des actions, avec leurs objectifs.',
    producteur: 'Ville de Croix (registre à publier)',
    licence: 'À préciser par la Ville lors de la publication du registre',
    licenceUrl: '',
    attribution: 'Ville de Croix',
    details: [
      'Tant que la Ville n’a pas publié son registre, les actions présentes sont des exemples illustratifs, signalés comme tels dans l’application.',
    ],
    sourcePrefixes: [],
    fichiers: ['data/actions.geojson'],
  },
  {
    id: 'communes-cadastre',
    titre: 'Limites des communes du cadastre (zone couverte)',
    usage:
      'Contours précis des 30 communes de la zone couverte présentes dans la copie AUT-MEL (dont Croix, Roubaix, Tourcoing, Wattrelos) : partie de Croix du quartier QN05980M, surfaces, rattachement des rues.',
    producteur: 'DGFiP – Etalab (cadastre), copie de l’association AUT-MEL',
    licence: 'GNU GPL-3.0 (dépôt AUT-MEL) ; cadastre sous Licence Ouverte 2.0',
    licenceUrl: 'https://www.gnu.org/licenses/gpl-3.0.html',
    attribution: 'AUT-MEL, autmel/geoservice-data (GPL-3.0) ; DGFiP – Etalab, cadastre',
    details: [
      'Cadastre Etalab « latest » de fin 2024, tel que publié par AUT-MEL (dépôt autmel/geoservice-data), arrondi à 6 décimales.',
      'Les autres communes gardent le contour simplifié IGN 2018 (propriété « source » de chaque commune).',
    ],
    sourcePrefixes: ['autmel-geoservice-data/communes_'],
    fichiers: ['data/communes.geojson'],
    licenceManifeste: 'GNU GPL-3.0',
  },
  {
    id: 'parcs-aut-mel',
    titre: 'Parcs et jardins de la métropole (AUT-MEL)',
    usage:
      'Parcs, jardins, squares et cimetières de la vue « verdir et aérer », avec leur surface et leur part dans QN05980M.',
    producteur: 'Association AUT-MEL, à partir des données ouvertes de la MEL, des villes et d’OpenStreetMap',
    licence: 'GNU GPL-3.0 (dépôt AUT-MEL) ; sources amont : Licence Ouverte et ODbL',
    licenceUrl: 'https://www.gnu.org/licenses/gpl-3.0.html',
    attribution:
      'AUT-MEL, autmel/geoservice-data (GPL-3.0) ; MEL et villes de la MEL ; © les contributeurs d’OpenStreetMap',
    details: [
      'Contours assemblés et retouchés par l’association ; « OMS » = compté comme parc selon les critères OMS qu’elle retient.',
      'Surfaces recalculées en Lambert-93 à partir des contours (le champ « surface » de la source n’est pas utilisé).',
    ],
    sourcePrefixes: ['autmel-geoservice-data/parcs_'],
    fichiers: ['data/planning/parks.geojson'],
    licenceManifeste: 'GNU GPL-3.0',
  },
  {
    id: 'acces-parcs-aut-mel',
    titre: 'Zones d’accès à pied aux parcs et habitants (AUT-MEL, 2019)',
    usage:
      'Zones d’accès à pied de chaque parc et habitants qu’elles contiennent ; parcs accessibles à pied depuis un territoire.',
    producteur: 'Association AUT-MEL (calcul), INSEE Filosofi 2019 (population)',
    licence: 'GNU GPL-3.0 (dépôt AUT-MEL) ; Filosofi sous Licence Ouverte',
    licenceUrl: 'https://www.gnu.org/licenses/gpl-3.0.html',
    attribution: 'AUT-MEL, autmel/geoservice-data (GPL-3.0) ; INSEE, Filosofi 2019',
    details: ['Calcul de l’association, pas une statistique officielle.'],
    sourcePrefixes: ['autmel-geoservice-data/isochrones_'],
    fichiers: ['data/planning/access.geojson'],
    licenceManifeste: 'GNU GPL-3.0',
  },
  {
    id: 'iris-aut-mel',
    titre: 'Contours IRIS (copie AUT-MEL)',
    usage: 'Îlots statistiques de l’INSEE et part de chacun dans le quartier QN05980M.',
    producteur: 'IGN – INSEE (Contours IRIS), copie de l’association AUT-MEL',
    licence: 'GNU GPL-3.0 (dépôt AUT-MEL) ; Contours IRIS sous Licence Ouverte',
    licenceUrl: 'https://www.gnu.org/licenses/gpl-3.0.html',
    attribution: 'AUT-MEL, autmel/geoservice-data (GPL-3.0) ; IGN – INSEE, Contours IRIS',
    details: ['Millésime des contours non précisé par la source.'],
    sourcePrefixes: ['autmel-geoservice-data/iris_'],
    fichiers: ['data/planning/iris.geojson'],
    licenceManifeste: 'GNU GPL-3.0',
  },
  {
    id: 'stats-parcs-aut-mel',
    titre: 'Habitants par m² de parc accessible, Croix 2015, 2017, 2019 (AUT-MEL)',
    usage:
      'Part des habitants de Croix ayant moins de 3 m² de parc chacun, et son évolution ; indicateurs de la vue « verdir et aérer ».',
    producteur: 'Association AUT-MEL (calcul), INSEE Filosofi 2015, 2017, 2019',
    licence: 'GNU GPL-3.0 (dépôt AUT-MEL) ; Filosofi sous Licence Ouverte',
    licenceUrl: 'https://www.gnu.org/licenses/gpl-3.0.html',
    attribution: 'AUT-MEL, autmel/geoservice-data (GPL-3.0) ; INSEE, Filosofi',
    details: [
      'Les totaux d’habitants dépassent la population de la commune (carreaux en limite comptés deux fois, sans doute) : seules les parts sont montrées.',
    ],
    sourcePrefixes: ['autmel-geoservice-data/stats_communes/'],
    fichiers: ['data/planning/indicators.json'],
    licenceManifeste: 'GNU GPL-3.0',
  },
  {
    id: 'france-services',
    titre: 'France services',
    usage: 'Lieux France services proches de QN05980M et leur distance au quartier.',
    producteur: 'ANCT – France services',
    licence: LICENCE_OUVERTE,
    licenceUrl: LICENCE_OUVERTE_URL,
    attribution: 'ANCT – France services, 01/08/2024',
    details: ['État au 1er août 2024 : ouvertures et horaires changent.'],
    sourcePrefixes: ['anct-france-services-2024/'],
    fichiers: ['data/planning/france-services.geojson'],
    licenceManifeste: 'Licence Ouverte',
  },
  {
    id: 'postes-politique-ville',
    titre: 'Postes adulte-relais et FONJEP du contrat de ville de la MEL',
    usage: 'Nombre et montant des postes par année, sur la page du contrat.',
    producteur: 'ANCT – Dauphin (cartes Ci.Ville)',
    licence: LICENCE_OUVERTE,
    licenceUrl: LICENCE_OUVERTE_URL,
    attribution: 'ANCT – Dauphin, subventions politique de la ville',
    details: ['Connus au niveau du contrat de ville seulement : ni quartier, ni adresse.'],
    sourcePrefixes: ['anct-civille-mel/'],
    fichiers: ['data/contract.json'],
    licenceManifeste: 'Licence Ouverte',
  },
  {
    id: 'correspondance-qp',
    titre: 'Correspondance des quartiers prioritaires 2024 et 2015',
    usage: 'Quartier de 2015 remplacé par chaque quartier de 2024 de la MEL (QN05980M remplace QP059082).',
    producteur: 'ANCT',
    licence: LICENCE_OUVERTE,
    licenceUrl: LICENCE_OUVERTE_URL,
    attribution: 'Source : ANCT, correspondance QP2024 – QP2015',
    details: [
      'Les 26 lignes de la MEL ont été recopiées à la main depuis une copie du fichier de l’ANCT, puis vérifiées.',
    ],
    sourcePrefixes: ['qp2024-qp2015-correspondance/'],
    fichiers: ['data/contract.json'],
    licenceManifeste: 'Licence Ouverte',
  },
  {
    id: 'adresses',
    titre: 'Base Adresse Nationale (facultative)',
    usage:
      'Points d’adresse de la zone, pour répondre au numéro sans connexion ; présente seulement si la Ville l’a importée, ou si vous l’avez chargée sur cet appareil (« Préciser au numéro »).',
    producteur: 'Base Adresse Nationale (adresse.data.gouv.fr)',
    licence: LICENCE_OUVERTE,
    licenceUrl: LICENCE_OUVERTE_URL,
    attribution: 'Base Adresse Nationale',
    details: [
      'Importée avec « npm run data -- --ban FICHIER » (une table par commune, data/ban/) ; jamais interrogée en ligne par l’application.',
      'Ou chargée dans le navigateur depuis le fichier officiel adresses-59.csv.gz : gardée sur l’appareil seulement (IndexedDB), retirable à tout moment.',
    ],
    sourcePrefixes: [],
    originPrefixes: ['Base Adresse Nationale'],
    fichiers: ['data/addresses.json', 'data/ban/'],
    licenceManifeste: 'Licence Ouverte',
  },
];
