/** Placeholder: replaced by its issue's component. */
export function LayerPanel() {
  return null;
}
