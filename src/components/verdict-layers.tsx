/** Placeholder: map layers of its issue, rendered inside <Map> by map-view.tsx. */
export function VerdictLayers() {
  return null;
}
