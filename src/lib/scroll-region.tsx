/** A horizontally scrollable wrapper for a wide table, reachable with the keyboard (axe scrollable-region-focusable). */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable with the keyboard (WCAG 2.1.1).
    <section className="planning-table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
