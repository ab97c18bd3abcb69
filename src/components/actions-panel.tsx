/** Placeholder: replaced by its issue's component. */
export function ActionsPanel() {
  return null;
}
