/** Placeholder: replaced by its issue's component. */
export function StreetList() {
  return null;
}
