// The offline geocoder: public entry point. The implementation lives in ./geocoder/ (one concern per file).
export { FOCUS_INSEE } from '../territory/territory';
export { createGeocoder } from './geocoder/create-geocoder';
export { normalizeSuffix } from './geocoder/street-index';
export type {
  Commune,
  GeocodeMatch,
  GeocodeResult,
  Geocoder,
  GeocoderInput,
  Precision,
  Street,
  StructuredAddress,
} from './geocoder/types';
