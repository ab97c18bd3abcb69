// The geometry kernel of Périmètre: one home for each primitive (local metric projection, distances, bboxes,
// point in polygon). Everything else — the QPV index, the street relation, the geocoder, the planning figures, the
// data build — calls these. Turf is used where it serves (areas on the sphere, buffers, unions).
export * from './bbox.ts';
export * from './point-in-polygon.ts';
export * from './projection.ts';
