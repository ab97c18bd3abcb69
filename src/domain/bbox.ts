// Moved to ./geometry/bbox.ts (the geometry kernel); kept as an alias until every import is updated.
export * from './geometry/bbox.ts';
