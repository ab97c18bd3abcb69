/**
 * The 2015 / 2017 / 2019 trend of the share of residents by m² of park each (the association's per-commune
 * figures): a small SVG bar chart of the « under 3 m² » share, described in words, with the full table beside it.
 */
import { SHARE_CLASSES, type ShareClass, type TerritoryIndicators } from '../../domain/planning/types.ts';
import { ScrollRegion } from '../../lib/scroll-region.tsx';
import { percent } from './planning-format.ts';

const CLASS_LABELS: Record<ShareClass, string> = {
  '0-3': 'moins de 3 m²',
  '3-7': '3 à 7 m²',
  '7-10': '7 à 10 m²',
  '10-12': '10 à 12 m²',
  '12+': '12 m² ou plus',
};

const W = 300;
const H = 150;
const BAR = 56;

export function PlanningTrendChart({ territory }: { territory: TerritoryIndicators }) {
  const trend = territory.trend;
  if (trend.length === 0) return null;
  const description = trend.map((point) => `${point.year} : ${percent(point.shares['0-3'])}`).join(', ');
  const titleId = `tendance-${territory.id}-titre`;
  const descId = `tendance-${territory.id}-desc`;
  return (
    <figure className="planning-trend">
      <svg
        className="planning-chart"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{territory.label} : part des habitants avec moins de 3 m² de parc chacun</title>
        <desc id={descId}>{description}</desc>
        <line x1="10" y1={H - 24} x2={W - 10} y2={H - 24} stroke="#33363b" />
        {trend.map((point, index) => {
          const share = point.shares['0-3'];
          const height = share * (H - 50);
          const x = 30 + index * (BAR + 36);
          return (
            <g key={point.year}>
              <rect x={x} y={H - 24 - height} width={BAR} height={height} fill="#1b7837" />
              <text x={x + BAR / 2} y={H - 28 - height} textAnchor="middle" fontSize="12" fill="#1f2328">
                {percent(share)}
              </text>
              <text x={x + BAR / 2} y={H - 8} textAnchor="middle" fontSize="12" fill="#1f2328">
                {point.year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="planning-note">
        {territory.label}, part des habitants avec moins de 3 m² de parc accessible chacun (chiffres de
        l’association AUT-MEL). Détail dans le tableau ci-dessous.
      </figcaption>
      <ScrollRegion label="Tableau de l’évolution (défilement horizontal)">
        <table className="planning-table">
          <caption>{territory.label} : habitants par m² de parc accessible chacun</caption>
          <thead>
            <tr>
              <th scope="col">Surface de parc par habitant</th>
              {trend.map((point) => (
                <th key={point.year} scope="col">
                  {point.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SHARE_CLASSES.map((shareClass) => (
              <tr key={shareClass}>
                <th scope="row">{CLASS_LABELS[shareClass]}</th>
                {trend.map((point) => (
                  <td key={point.year}>{percent(point.shares[shareClass])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}
