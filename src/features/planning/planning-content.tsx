/**
 * Content of « Verdir et aérer Saint-Pierre » (lazy chunk): layer toggles with their legend, the indicators table,
 * the 2015–2019 trend, what an action overlaps, the lists behind the map, the association's method and caveats,
 * sources and licences (AUT-MEL, GPL-3.0).
 */
import { SwatchFrame, SwatchRect } from '../../lib/swatch.tsx';
import { PLANNING_COLOR, type PlanningToggle } from '../../map/planning-layers.ts';
import { usePlanningData } from './planning-data.ts';
import { PlanningIndicatorsTable } from './planning-indicators-table.tsx';
import { PlanningLists } from './planning-lists.tsx';
import { PlanningOverlapsView } from './planning-overlaps-view.tsx';
import { setPlanningLayer, usePlanning } from './planning-state.ts';
import { PlanningTrendChart } from './planning-trend-chart.tsx';

function Swatch({ kind }: { kind: PlanningToggle | 'parc-autre' }) {
  return (
    <SwatchFrame className="planning-swatch">
      <SwatchShape kind={kind} />
    </SwatchFrame>
  );
}

function SwatchShape({ kind }: { kind: PlanningToggle | 'parc-autre' }) {
  switch (kind) {
    case 'parcs':
      return (
        <SwatchRect
          fill={PLANNING_COLOR.parkOms}
          fillOpacity="0.55"
          stroke={PLANNING_COLOR.parkLine}
          strokeWidth="2"
        />
      );
    case 'parc-autre':
      return (
        <SwatchRect
          fill={PLANNING_COLOR.parkOther}
          fillOpacity="0.25"
          stroke={PLANNING_COLOR.parkLine}
          strokeWidth="1.5"
          strokeDasharray="4 3"
        />
      );
    case 'acces':
      return (
        <SwatchRect fill="none" stroke={PLANNING_COLOR.access} strokeWidth="1.5" strokeDasharray="1.5 3" />
      );
    case 'iris':
      return (
        <SwatchRect
          fill={PLANNING_COLOR.iris}
          fillOpacity="0.3"
          stroke={PLANNING_COLOR.irisLine}
          strokeDasharray="4 2"
        />
      );
    case 'franceServices':
      return (
        <>
          <circle cx="16" cy="10" r="8" fill={PLANNING_COLOR.franceServices} />
          <text x="16" y="13" fontSize="7" textAnchor="middle" fill="#fff">
            FS
          </text>
        </>
      );
  }
}

const TOGGLES: { key: PlanningToggle; label: string }[] = [
  { key: 'parcs', label: 'Parcs et jardins (trait plein : comptés selon les critères OMS)' },
  { key: 'acces', label: 'Zones d’accès à pied aux parcs (pointillés fins)' },
  { key: 'iris', label: 'IRIS, plus foncés selon leur part dans le QPV' },
  { key: 'franceServices', label: 'France services (cercles « FS »)' },
];

export function PlanningContent() {
  const { layers } = usePlanning();
  const loaded = usePlanningData(true);
  if (loaded.state === 'chargement') return <p role="status">Chargement des parcs, IRIS et indicateurs…</p>;
  if (loaded.state === 'erreur') return <p role="alert">{loaded.message}</p>;
  const { data } = loaded;
  const croix = data.indicators.territories.find((territory) => territory.trend.length > 0);
  return (
    <div className="planning-content">
      <p className="planning-note">
        Pour préparer le verdissement et la dédensification : parcs réels, accès à pied, où vivent les
        habitants. Chiffres de l’association AUT-MEL et calculs de Périmètre, avec leurs limites ci-dessous.
      </p>
      <fieldset className="planning-layers">
        <legend>Couches de la vue aménagement</legend>
        {TOGGLES.map((toggle) => (
          <div key={toggle.key} className="planning-toggle">
            <input
              id={`amenagement-${toggle.key}`}
              type="checkbox"
              checked={layers.includes(toggle.key)}
              onChange={(event) => setPlanningLayer(toggle.key, event.currentTarget.checked)}
            />
            <Swatch kind={toggle.key} />
            <label htmlFor={`amenagement-${toggle.key}`}>{toggle.label}</label>
          </div>
        ))}
        <p className="planning-toggle planning-note">
          <Swatch kind="parc-autre" /> Parc ou jardin non compté selon les critères OMS (contour en tirets,
          plus clair)
        </p>
      </fieldset>
      <h3>Indicateurs</h3>
      <PlanningIndicatorsTable indicators={data.indicators} />
      {croix ? (
        <>
          <h3>Évolution 2015, 2017, 2019</h3>
          <PlanningTrendChart territory={croix} />
        </>
      ) : null}
      <PlanningOverlapsView data={data} />
      <h3>Ce que montre la carte, en listes</h3>
      <PlanningLists data={data} />
      <h3>Méthode et limites</h3>
      <p className="planning-note">{data.indicators.method}</p>
      <ul className="planning-list">
        {data.indicators.caveats.map((caveat) => (
          <li key={caveat}>{caveat}</li>
        ))}
      </ul>
      <h3>Sources</h3>
      <ul className="planning-list">
        {data.indicators.sources.map((source) => (
          <li key={source}>{source}</li>
        ))}
        <li>Parcs, zones d’accès, IRIS et statistiques : AUT-MEL (GPL-3.0).</li>
      </ul>
    </div>
  );
}
