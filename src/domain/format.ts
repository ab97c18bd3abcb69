// French renderings of numbers shared by the UI, the domain and the CLI (one home each).

const frNumber = (min: number, max: number) =>
  new Intl.NumberFormat('fr-FR', { minimumFractionDigits: min, maximumFractionDigits: max });

/**
 * French rendering of an area: m² below one hectare, hectares (two decimals at most) below 100 ha, whole
 * hectares and km² above.
 *
 * @example formatArea(12345) // '1,23 ha'
 * @example formatArea(822_550) // '82,26 ha'
 * @example formatArea(8_225_500) // '823 ha (8,23 km²)'
 */
export function formatArea(squareMetres: number): string {
  if (squareMetres < 10_000) return `${frNumber(0, 0).format(Math.round(squareMetres))} m²`;
  const hectares = squareMetres / 10_000;
  if (hectares < 100) return `${frNumber(0, 2).format(hectares)} ha`;
  return `${frNumber(0, 0).format(hectares)} ha (${frNumber(2, 2).format(squareMetres / 1_000_000)} km²)`;
}

/**
 * French rendering of a share, one decimal at most; `fixed` always writes that decimal (« 25,0 % »), as the
 * file-check summary does so that its figures line up.
 *
 * @example formatShare(0.0734) // '7,3 %'
 * @example formatShare(0.25, { fixed: true }) // '25,0 %'
 */
export function formatShare(share: number, options: { fixed?: boolean } = {}): string {
  return `${frNumber(options.fixed ? 1 : 0, 1).format(share * 100)} %`;
}
