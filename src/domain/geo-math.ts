// Moved to ./geometry/projection.ts (the geometry kernel); kept as an alias until every import is updated.
export * from './geometry/projection.ts';
