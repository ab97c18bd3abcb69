/**
 * Planning indicators of a territory (QN05980M, its Croix part, Croix as a whole): park area inside and its
 * share, parks counted by the association's OMS criteria or not, parks reachable on foot, and the association's
 * per-commune shares of residents by m² of park each. Pure: geometry comes in already projected to Lambert-93
 * (see ./lambert93.ts), so every area is a planar Lambert-93 area.
 */
import {
  intersectionAreaPlanar,
  type PlanarPolygons,
  planarArea,
  planarBbox,
  pointInPlanar,
} from './lambert93.ts';
import {
  SHARE_CLASSES,
  type ShareClass,
  type TerritoryId,
  type TerritoryIndicators,
  type TrendPoint,
} from './types.ts';

/** A park ready for measuring: its projected outline (null for a point) or its projected position. */
export interface MeasuredPark {
  oms: boolean;
  planar: PlanarPolygons | null;
  point: [number, number] | null;
}

/** One class of the association's stats file (`stats_<insee>_<year>.json`, member `stats`). */
export interface AssociationStatsRow {
  surface: string;
  habitants: number;
}

type Bbox = [number, number, number, number];
const meet = (a: Bbox, b: Bbox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * Shares (0..1) of residents by class of m² of accessible park per inhabitant, from the association's counts.
 * The five rows come in the association's order (0–3, 3–7, 7–10, 10–12, ≥ 12 m²/hab.). Shares are computed
 * from the counts, not from the rounded `ratio` strings; counts are not usable as populations (see caveats).
 *
 * @example classShares(croix2019)['0-3'] // 18154 / 28655 ≈ 0.634
 */
export function classShares(rows: readonly AssociationStatsRow[]): Record<ShareClass, number> {
  if (rows.length !== SHARE_CLASSES.length) throw new Error(`5 classes attendues, ${rows.length} trouvées`);
  const total = rows.reduce((s, r) => s + r.habitants, 0);
  if (!(total > 0)) throw new Error('aucun habitant dans les statistiques');
  const out = {} as Record<ShareClass, number>;
  SHARE_CLASSES.forEach((c, i) => {
    out[c] = rows[i]!.habitants / total;
  });
  return out;
}

export interface TerritoryInput {
  id: TerritoryId;
  label: string;
  /** Projected (Lambert-93) outline of the territory. */
  planar: PlanarPolygons;
  /** The association's stats of the commune, by year; omitted when the territory is not a commune. */
  trend?: { year: TrendPoint['year']; rows: readonly AssociationStatsRow[] }[];
}

/**
 * Indicators of one territory.
 *
 * - `park_area_m2`: Σ over park outlines of their area inside the territory (the outlines do not overlap);
 * - `parks`: outlines with more than `minInsideM2` inside, plus park points inside; `parks_oms` among them;
 * - `parks_reachable`: walking-access areas meeting the territory by more than `minInsideM2` (null if none given);
 * - `residents_under_3m2_share` and `trend`: from the association's stats (null / [] without them).
 */
export function territoryIndicators(
  t: TerritoryInput,
  parks: readonly MeasuredPark[],
  access: readonly PlanarPolygons[] | null,
  minInsideM2 = 1,
): TerritoryIndicators {
  const area = planarArea(t.planar);
  const box = planarBbox(t.planar);
  let parkArea = 0;
  let count = 0;
  let oms = 0;
  for (const park of parks) {
    let inside = false;
    if (park.planar) {
      if (!meet(planarBbox(park.planar), box)) continue;
      const a = intersectionAreaPlanar(park.planar, t.planar);
      parkArea += a;
      inside = a > minInsideM2;
    } else if (park.point) {
      inside = pointInPlanar(park.point, t.planar);
    }
    if (inside) {
      count++;
      if (park.oms) oms++;
    }
  }
  const reachable =
    access === null
      ? null
      : access.filter(
          (iso) => meet(planarBbox(iso), box) && intersectionAreaPlanar(iso, t.planar) > minInsideM2,
        ).length;
  const trend: TrendPoint[] = (t.trend ?? [])
    .map((y) => ({ year: y.year, shares: classShares(y.rows) }))
    .sort((a, b) => a.year - b.year);
  const last = trend[trend.length - 1];
  return {
    id: t.id,
    label: t.label,
    area_m2: area,
    park_area_m2: parkArea,
    park_share: area > 0 ? parkArea / area : 0,
    parks: count,
    parks_oms: oms,
    parks_reachable: reachable,
    residents_under_3m2_share: last ? last.shares['0-3'] : null,
    trend,
  };
}
