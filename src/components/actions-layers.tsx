/** Placeholder: map layers of its issue, rendered inside <Map> by map-view.tsx. */
export function ActionsLayers() {
  return null;
}
