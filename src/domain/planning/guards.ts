/**
 * Runtime guards of the planning files (types: ./types.ts) as valibot schemas with French messages: the four
 * GeoJSON layers of data/planning/, data/planning/indicators.json and data/contract.json. Used by the pipeline
 * (`--check`) and the browser loader.
 */
import * as v from 'valibot';
import { checkCollection, describeIssue } from '../data-guards.ts';
import type { GuardResult } from '../data-types.ts';
import { SHARE_CLASSES } from './types.ts';

const text = v.string('texte attendu');
const texts = v.array(text, 'liste de textes attendue');
const flag = v.boolean('true ou false attendu');
const metres = v.pipe(
  v.number('nombre attendu'),
  v.finite('nombre attendu'),
  v.minValue(0, 'nombre ≥ 0 attendu'),
);
const share = v.pipe(metres, v.maxValue(1, 'part entre 0 et 1 attendue'));

const ParkProperties = v.object({
  id: text,
  nom: text,
  commune: text,
  oms: flag,
  actif: flag,
  cimetiere: flag,
  area_m2: v.nullable(metres),
  in_qpv_m2: metres,
});

/** Guard for `data/planning/parks.geojson`. */
export function checkParkCollection(value: unknown): GuardResult {
  return checkCollection(value, 'planning/parks.geojson', {
    geometry: ['Point', 'Polygon', 'MultiPolygon'],
    properties: ParkProperties,
    uniqueBy: (p) => String(p.id),
    also: (p, g) => {
      if (g.type === 'Point' ? p.area_m2 !== null || p.in_qpv_m2 !== 0 : p.area_m2 === null)
        return 'area_m2 : une surface (null et in_qpv_m2 = 0 pour un point)';
      if (typeof p.area_m2 === 'number' && (p.in_qpv_m2 as number) > p.area_m2 + 1)
        return 'in_qpv_m2 dépasse area_m2';
      return null;
    },
  });
}

/** Guard for `data/planning/access.geojson`. */
export function checkAccessCollection(value: unknown): GuardResult {
  return checkCollection(value, 'planning/access.geojson', {
    geometry: ['Polygon', 'MultiPolygon'],
    properties: v.object({ id: text, nom: text, oms: flag, residents: v.nullable(metres), area_m2: metres }),
    uniqueBy: (p) => String(p.id),
  });
}

/** Guard for `data/planning/iris.geojson`. */
export function checkIrisCollection(value: unknown): GuardResult {
  return checkCollection(value, 'planning/iris.geojson', {
    geometry: ['Polygon', 'MultiPolygon'],
    properties: v.pipe(
      v.object({
        code: v.pipe(
          text,
          v.regex(/^\d[\dAB]\d{7}$/, (issue) => `code IRIS invalide (${String(issue.input)})`),
        ),
        insee: text,
        nom: text,
        area_m2: metres,
        qpv_m2: metres,
        qpv_share: share,
      }),
      v.check((p) => p.insee === p.code.slice(0, 5), 'insee doit être le début du code IRIS'),
    ),
    uniqueBy: (p) => String(p.code),
  });
}

/** Guard for `data/planning/france-services.geojson`. */
export function checkFranceServicesCollection(value: unknown): GuardResult {
  return checkCollection(value, 'planning/france-services.geojson', {
    geometry: ['Point'],
    properties: v.pipe(
      v.object({
        id: text,
        nom: text,
        adresse: text,
        commune: text,
        distance_qpv_m: metres,
        inside_qpv: flag,
      }),
      v.check(
        (p) => p.inside_qpv === (p.distance_qpv_m === 0),
        'inside_qpv doit valoir true exactement quand distance_qpv_m = 0',
      ),
    ),
    uniqueBy: (p) => String(p.id),
  });
}

/** An object of the documents below (valibot's own message for a non-object is English). */
const object = <E extends v.ObjectEntries>(entries: E) => v.object(entries, 'objet attendu');

/** A JSON document against its schema: `ok`, or the first issue named with its path. */
function checkDocument(schema: v.GenericSchema, value: unknown, file: string): GuardResult {
  if (v.is(schema, value)) return { ok: true };
  const [issue] = v.safeParse(schema, value, { abortEarly: true }).issues!;
  return { ok: false, error: `${file} : ${describeIssue(issue!, 'champ')}` };
}

const TrendPoint = object({
  year: v.picklist([2015, 2017, 2019], 'année 2015, 2017 ou 2019 attendue'),
  shares: object(Object.fromEntries(SHARE_CLASSES.map((c) => [c, share]))),
});

const Territory = v.pipe(
  object({
    id: v.picklist(['qpv', 'qpv-croix', 'croix'], 'territoire inconnu'),
    label: text,
    area_m2: metres,
    park_area_m2: metres,
    park_share: share,
    parks: metres,
    parks_oms: metres,
    parks_reachable: v.nullable(metres),
    residents_under_3m2_share: v.nullable(share),
    trend: v.array(TrendPoint, 'liste attendue'),
  }),
  v.check((t) => t.parks_oms <= t.parks, 'parks_oms dépasse parks'),
);

const PlanningIndicatorsSchema = object({
  qpv: text,
  territories: v.pipe(
    v.array(Territory, 'liste attendue'),
    v.check(
      (list) => list.map((t) => t.id).join(',') === 'qpv,qpv-croix,croix',
      'les territoires doivent être qpv, qpv-croix, croix, dans cet ordre',
    ),
  ),
  method: text,
  caveats: texts,
  sources: texts,
});

/** Guard for `data/planning/indicators.json`. */
export function checkPlanningIndicators(value: unknown): GuardResult {
  return checkDocument(PlanningIndicatorsSchema, value, 'planning/indicators.json');
}

const PostCount = object({ count: metres, amount_eur: metres });

const ContractFactsSchema = object({
  contrat: object({ code: text, label: text, generation: text, previous_code: text }),
  qpv: v.array(
    object({
      qp2024: v.pipe(
        text,
        v.regex(/^QN\d{5}[A-Z]$/, (issue) => `code QPV invalide (${String(issue.input)})`),
      ),
      label: text,
      statut: v.picklist(['MODIFIE', 'INCHANGE', 'NOUVEAU'], 'statut MODIFIE, INCHANGE ou NOUVEAU attendu'),
      replaces: v.array(object({ code: text, label: text }), 'liste attendue'),
    }),
    'liste attendue',
  ),
  posts: v.array(
    object({
      year: v.pipe(v.number('nombre attendu'), v.finite('nombre attendu')),
      adulte_relais: PostCount,
      fonjep: PostCount,
      employer_in_4_communes: object({ adulte_relais: metres, fonjep: metres }),
    }),
    'liste attendue',
  ),
  caveats: texts,
  sources: texts,
});

/** Guard for `data/contract.json`. */
export function checkContractFacts(value: unknown): GuardResult {
  return checkDocument(ContractFactsSchema, value, 'contract.json');
}
