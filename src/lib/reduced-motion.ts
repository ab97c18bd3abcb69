// The user's « reduce motion » preference (one home for the map and the actions layer).

/** True when the system asks for reduced motion: camera moves and highlights then jump instead of animating. */
export function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}
