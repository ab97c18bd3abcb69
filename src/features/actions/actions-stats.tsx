/**
 * For planners: the area of the greening and de-densification zones (the actions shown, after filters)
 * inside the Croix part of the QPV QN05980M, in m² and as a share of it. Computed with Turf on demand, when
 * the section is opened: the Turf code (src/domain/actions/stats.ts), the QPV's shard and the commune file are
 * all fetched then, never on the default view (issue 10).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ActionFeature } from '../../domain/actions/model.ts';
import type { AreaFeature } from '../../domain/actions/stats.ts';
import { formatArea, formatShare } from '../../domain/format.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { loadCommunes, loadQpvFeature } from '../../io/data-loader.ts';

/** The QPV of Saint-Pierre and the commune of Croix (INSEE 59163). */
export const SAINT_PIERRE_QPV = 'QN05980M';
export const CROIX_INSEE = '59163';

/** The Turf computations, in their own chunk. */
type Stats = typeof import('../../domain/actions/stats.ts');

type ZoneState =
  | { status: 'attente' }
  | { status: 'pret'; zone: AreaFeature; stats: Stats }
  | { status: 'erreur'; message: string };

async function loadZone(): Promise<{ zone: AreaFeature; stats: Stats }> {
  // The QPV's outline from its shard (data/qpv/shards/), never the whole QPV file.
  const [stats, quartier, communes] = await Promise.all([
    import('../../domain/actions/stats.ts'),
    loadQpvFeature(SAINT_PIERRE_QPV),
    loadCommunes(),
  ]);
  const croix = communes.features.find((feature) => feature.properties.insee === CROIX_INSEE);
  const zone = quartier && croix ? stats.croixPartOfQpv(quartier.geometry, croix.geometry) : null;
  if (!zone) throw new Error('La partie croisienne du QPV est introuvable dans les données.');
  return { zone, stats };
}

export function ActionsStats({
  actions,
  objectives,
}: {
  actions: readonly ActionFeature[];
  objectives: ObjectivesFile;
}) {
  const [open, setOpen] = useState(false);
  const [zone, setZone] = useState<ZoneState>({ status: 'attente' });

  useEffect(() => {
    if (!open || zone.status !== 'attente') return;
    loadZone().then(
      (loaded) => setZone({ status: 'pret', ...loaded }),
      (error: unknown) =>
        setZone({ status: 'erreur', message: error instanceof Error ? error.message : 'Calcul impossible.' }),
    );
  }, [open, zone.status]);

  const stats = useMemo(
    () => (zone.status === 'pret' ? zone.stats.areaStatistics(actions, zone.zone) : null),
    [actions, zone],
  );
  const labelOf = (id: string) =>
    objectives.objectifs.find((objectif) => objectif.id === id)?.libelle_court ?? id;

  return (
    <details className="actions-subsection" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Surfaces dans le quartier prioritaire</summary>
      {zone.status === 'attente' ? <p role="status">Calcul en cours…</p> : null}
      {zone.status === 'erreur' ? <p role="alert">{zone.message}</p> : null}
      {stats ? (
        <>
          <table className="actions-stats">
            <caption>
              Zones des actions affichées, dans la partie croisienne du QPV {SAINT_PIERRE_QPV} (
              {formatArea(stats.zone_m2)})
            </caption>
            <thead>
              <tr>
                <th scope="col">Objectif</th>
                <th scope="col">Zones</th>
                <th scope="col">Dans le QPV</th>
                <th scope="col">Part</th>
              </tr>
            </thead>
            <tbody>
              {stats.objectifs.map((row) => (
                <tr key={row.objectif}>
                  <th scope="row">{labelOf(row.objectif)}</th>
                  <td>{row.polygones}</td>
                  <td>{formatArea(row.dans_zone_m2)}</td>
                  <td>{formatShare(row.part_zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="actions-note">
            Seules les zones comptent (pas les points ni les lignes) ; des zones qui se chevauchent ne sont
            comptées qu’une fois. La partie croisienne du QPV est le quartier {SAINT_PIERRE_QPV} coupé par le
            contour de la commune de Croix, un contour simplifié (IGN Admin Express 2018) : les chiffres sont
            approchés près de la limite communale. Les exemples fictifs sont comptés s’ils sont affichés.
          </p>
        </>
      ) : null}
    </details>
  );
}
