/**
 * Dashed lines, all drawn by one shader program (issue 10). MapLibre compiles a program per combination of paint
 * properties that are constant and properties read per feature. The Saint-Pierre streets need a dash per feature
 * (plain, dashed or dotted by status), so every other dashed line of the app reads its dash per feature too, even
 * where it is the same for all, and reuses that program. Measured with software WebGL (8 interleaved cold loads, twice),
 * a second dashed-line program (the commune limits') put 140 to 170 ms before the first complete map; it would also be
 * a pause on the first selection or answer that draws a dashed line.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * The dash `pattern` (dash and gap, in line widths) as a per-feature expression: a `case` on a feature property
 * whose two branches are the pattern (a constant expression would be folded into a uniform).
 *
 * @example
 * { 'line-dasharray': dashPerFeature([4, 2]) }
 */
export function dashPerFeature(pattern: readonly [number, number]): ExpressionSpecification {
  return ['case', ['has', 'nom'], ['literal', [...pattern]], ['literal', [...pattern]]];
}
