/**
 * Reading and writing the app's state in the query string (the permalink). Each feature owns its own
 * parameters (map view and layers, action filters, shared address) and writes them with `replaceParams`,
 * which keeps every other parameter untouched. Parameter names are French and stable.
 */

export function readParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/** Sets (string) or removes (null) the given parameters, without adding a history entry. */
export function replaceParams(values: Record<string, string | null>): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query.replace(/%2C/g, ',').replace(/%2F/g, '/')}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
