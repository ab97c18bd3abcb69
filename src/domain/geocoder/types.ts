// Types of the offline geocoder (see ./create-geocoder.ts): what it answers, what it indexes, how it reads a query.

import type { BanTable } from '../ban/table';
import type { AddressTable, BBox, CommuneCollection, Position, RoadCollection } from '../data-types';
import type { QueryToken } from '../normalize';
import type { Coverage, CoveredSide } from './coverage';
import type { StreetNumbers } from './house-numbers';

/** How precisely a result is placed. */
export type Precision = 'adresse' | 'adresse interpolée' | 'voie' | 'point placé';

/** INSEE code of Croix: the app's own commune comes first among equally good answers. */
/** A street of the index. */
export interface Street {
  id: number;
  nom: string;
  insee: string;
  commune: string;
  codes_postaux: readonly string[];
  /** Centre-line pieces (empty for a street known only from BAN points). */
  lines: readonly (readonly Position[])[];
  /** Where a street-level result is placed: middle of the longest piece. */
  center: Position;
  bbox: BBox;
}

/** A commune of the covered area. */
export interface Commune {
  insee: string;
  /** Official name (« La Madeleine »). */
  nom: string;
  codes_postaux: readonly string[];
  /** How much of the commune the street data cover (./coverage.ts). */
  couverture: Coverage;
  /** For a partly covered commune, where the known part lies. */
  cote_couvert: CoveredSide | null;
}

/** One answer of the geocoder. */
export interface GeocodeMatch {
  /** « 12 bis Rue du Tonkin, 59170 Croix » */
  label: string;
  /** `adresse`: a BAN point; `adresse interpolée`: placed between BAN numbers of the same side; `voie`: street. */
  precision: 'adresse' | 'adresse interpolée' | 'voie';
  lon: number;
  lat: number;
  street: Street;
  /** House number as typed and normalised (« 12 bis »), or null. */
  numero: string | null;
  /** Postcode shown in the label (the commune's only one, or the one typed), or null. */
  code_postal: string | null;
  /** Relevance in [0, 1]. */
  score: number;
  /** French note on the precision (« numéro absent de la BAN »…), or null. */
  note: string | null;
  /** Set for a street of a partly covered commune: the sentence saying that a street of the same name may exist
   * in the part the map does not have (never a firm answer then). */
  partie?: string;
}

/** Result of {@link Geocoder.geocode}. */
export type GeocodeResult =
  | { status: 'trouve'; match: GeocodeMatch; alternatives: GeocodeMatch[] }
  | { status: 'ambigu'; motif: string; candidates: GeocodeMatch[] }
  | {
      status: 'introuvable';
      motif: string;
      candidates: GeocodeMatch[];
      /** The street may be in a part of the commune the map does not have: offer to place the home. */
      offrePoint?: boolean;
    };

/** A structured address, as in a beneficiaries' file. */
export interface StructuredAddress {
  numero?: string | number | null;
  voie: string;
  code_postal?: string | null;
  commune?: string | null;
}

export interface GeocoderInput {
  roads: RoadCollection;
  communes: CommuneCollection;
  addresses?: AddressTable | null;
  /** BAN points in the compact form (browser import, `data/ban/`, CLI `--ban`); takes precedence over `addresses`. */
  ban?: BanTable | null;
  /**
   * Reuse the street-level work of an earlier query that differs only by its house number (default true). The
   * answers are identical either way; `false` keeps the general path alone (equivalence tests).
   */
  fastPath?: boolean;
}

export interface Geocoder {
  /** Autocomplete: up to `limit` streets or addresses for what is being typed (last word may be unfinished). */
  suggest(query: string, limit?: number): GeocodeMatch[];
  /** Resolves a full query or a structured address. */
  geocode(query: string | StructuredAddress): GeocodeResult;
  /** Every street of the index. */
  readonly streets: readonly Street[];
  /** Communes of the covered area. */
  readonly communes: readonly Commune[];
  /** True when BAN address points were imported (house-number precision available). */
  readonly hasAddresses: boolean;
}

/** A street of the index with its search keys and, after a BAN import, its house numbers. */
export interface IndexedStreet extends Street {
  type: string | null;
  words: string[];
  key: string;
  /** Partly covered commune: what the label adds (« partie est, dont Hellemmes »), and the warning sentence. */
  zone: string | null;
  partie: string | null;
  numbers: StreetNumbers | null;
}

/** A commune of the index with the word sequences that name it. */
export interface IndexedCommune extends Commune {
  aliases: string[][];
}

/** One way of reading a query. */
export interface Reading {
  numero: number | null;
  suffix: string | null;
  /** Communes the query names (empty: the query names no commune, every commune matches). */
  communes: IndexedCommune[];
  /** True when the commune was read from an unfinished last word (autocomplete). */
  communeByPrefix: boolean;
  streetTokens: QueryToken[];
}

export interface ParsedQuery {
  postcode: string | null;
  readings: Reading[];
}
