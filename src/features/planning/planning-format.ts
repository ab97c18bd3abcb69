/** French number formats of the planner view (areas in hectares, shares in %, counts). */
const fmt = (digits: number) =>
  new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `62596` → `« 6,26 ha »` (two decimals under 10 ha, one above). */
export function hectares(m2: number): string {
  const ha = m2 / 10_000;
  return `${fmt(ha < 10 ? 2 : 1).format(ha)} ha`;
}

/** `0.0311` → `« 3,1 % »`. */
export function percent(share: number): string {
  return `${fmt(1).format(share * 100)} %`;
}

export function count(n: number): string {
  return fmt(0).format(n);
}
