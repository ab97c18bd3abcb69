/** Placeholder: replaced by its issue's component. */
export function AddressSearch() {
  return null;
}
