// The contract's territory in one place: which QPV, which communes, how people name them, which decree, what the
// offline data cover. Everything territorial in the app and the scripts reads it from here, so that another
// commune's contract could reuse Périmètre by changing this file and the data sources (see ARCHITECTURE.md).
// Validated by tests/unit/territory.test.ts (code formats, the focus commune belongs to the focus QPV, …).

/** A commune: INSEE code (COG) and official name. */
export interface TerritoryCommune {
  insee: string;
  nom: string;
}

export interface Territory {
  /** The QPV the contract is about (2024 geography, `QN…` code) and the 2015 QPV it replaces. */
  focusQpv: { code: string; nom: string; replaces: string };
  /** The commune whose contract this is; comes first among equally good geocoder answers. */
  focusCommune: TerritoryCommune & { codesPostaux: readonly string[] };
  /** Communes of the focus QPV. */
  qpvCommunes: readonly TerritoryCommune[];
  /** Extra names people type for some communes (INSEE → aliases, lower case without accents). */
  communeAliases: Readonly<Record<string, readonly string[]>>;
  /** How the covered area is named in messages. */
  coveredAreaLabel: string;
  /** Rectangle in which the road centre-lines were selected (data/README.md, « roads.geojson »): communes it cuts
   * are only partly known to the geocoder. */
  roadsBox: readonly [number, number, number, number];
  /** Official names (COG) where the commune outlines' name differs (IGN 2018 « Madeleine »). */
  officialNames: Readonly<Record<string, string>>;
  /** Communes associées, part of a commune (INSEE of the commune → names, postcode): named in answers. */
  associatedCommunes: Readonly<
    Record<string, readonly { nom: string; codePostal: string; inRoadsBox: boolean }[]>
  >;
  /** The geography every answer is stamped with. */
  geography: { nom: string; decret: string; decretCourt: string };
  /** The legal reference for a single address, and the caveat of every answer. */
  legalReference: { url: string; disclaimer: string };
  /** The intercommunal contract (MEL). */
  contract: { code: string; previousCode: string; label: string };
}

export const TERRITORY = {
  focusQpv: {
    code: 'QN05980M',
    nom: 'Quartier Intercommunal Roubaix-Tourcoing - Blanc Seau - Croix Bas Saint Pierre - Wattrelos Nord',
    replaces: 'QP059082',
  },
  focusCommune: { insee: '59163', nom: 'Croix', codesPostaux: ['59170'] },
  qpvCommunes: [
    { insee: '59163', nom: 'Croix' },
    { insee: '59512', nom: 'Roubaix' },
    { insee: '59599', nom: 'Tourcoing' },
    { insee: '59650', nom: 'Wattrelos' },
  ],
  communeAliases: {
    '59009': ['vda', 'villeneuve dascq'],
    '59368': ['la madeleine'],
    '59350': ['lille hellemmes', 'hellemmes', 'lomme'],
  },
  coveredAreaLabel: 'Croix et les communes voisines de la Métropole européenne de Lille',
  roadsBox: [3.06899, 50.59904, 3.213861, 50.74904],
  officialNames: { '59368': 'La Madeleine' },
  // Lille-Hellemmes (59260) and Lille-Lomme (59160): people type them as communes; both postcodes are Lille's in
  // data/communes.geojson. Inside the roads' rectangle or not: La Poste's contact points (raw
  // laposte-points-contact-2020: « HELLEMMES LILLE » 28 rue Chanzy at 3.106648 E, « LOMME » 62 avenue de la
  // République at 3.013507 E, rectangle from 3.06899 E).
  associatedCommunes: {
    '59350': [
      { nom: 'Hellemmes', codePostal: '59260', inRoadsBox: true },
      { nom: 'Lomme', codePostal: '59160', inRoadsBox: false },
    ],
  },
  geography: {
    nom: 'QP 2024',
    decret: 'décret n° 2023-1314 du 28 décembre 2023, rectifié par le décret n° 2024-806 du 13 juillet 2024',
    decretCourt: 'décret n° 2023-1314',
  },
  legalReference: {
    url: 'https://sig.ville.gouv.fr/adresses/recherche',
    disclaimer: 'Test géométrique indicatif — seule la réponse de sig.ville.gouv.fr fait foi.',
  },
  contract: {
    code: 'CN05911M',
    previousCode: 'CV192',
    label: 'Contrat de Ville et des Solidarités 2024-2030 — Métropole Européenne de Lille',
  },
} as const satisfies Territory;

/** INSEE code of the focus commune (Croix). */
export const FOCUS_INSEE: string = TERRITORY.focusCommune.insee;
/** Code of the focus QPV (QN05980M). */
export const FOCUS_QPV: string = TERRITORY.focusQpv.code;
/** How the covered area is named in messages. */
export const COVERED_AREA_LABEL: string = TERRITORY.coveredAreaLabel;
