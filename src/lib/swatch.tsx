/**
 * The frame and the rectangle of a legend swatch (32 × 20 px SVG, hidden from assistive technologies: the legend's
 * text says the same). Shared by the map's legend (src/features/map/legend-swatch.tsx) and the planner's
 * (src/features/planning/planning-content.tsx), which draw their own shapes inside.
 */
import type { ReactNode, SVGProps } from 'react';

export function SwatchFrame({
  children,
  className = 'legend-swatch',
}: {
  children: ReactNode;
  className?: string;
}) {
  return (
    <svg
      className={className}
      width="32"
      height="20"
      viewBox="0 0 32 20"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** A rectangle filling the swatch with a 2 px margin; any attribute can be overridden. */
export function SwatchRect(props: SVGProps<SVGRectElement>) {
  return <rect x="2" y="2" width="28" height="16" {...props} />;
}
