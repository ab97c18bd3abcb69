// Shared, deep-frozen sample actions for the actions tests (accidental mutation in domain code then throws).
import type { ActionFeature, ActionProperties } from '../../src/domain/actions/model.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export function makeAction(
  patch: Partial<ActionProperties> = {},
  geometry: ActionFeature['geometry'] = { type: 'Point', coordinates: [3.1549, 50.6872] },
): ActionFeature {
  return deepFreeze({
    type: 'Feature',
    geometry,
    properties: {
      id: 'a',
      titre: 'Action',
      description: '',
      objectif: 'verdissement',
      enjeux: ['enjeu-5'],
      porteur: 'Ville',
      type_porteur: 'ville',
      statut: 'projet',
      debut: '2025',
      fin: '2026',
      exemple: false,
      ...patch,
    },
  });
}
