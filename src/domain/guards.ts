// Type guards shared by the data and import validators (one home each).

/** A plain object (not null, not an array): the shape of a JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
