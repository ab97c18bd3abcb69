/**
 * Scrolls the page so that the whole map area is on screen (phones: the map sits between the question and the
 * panels). Called by every control that moves the map or asks to touch it; a no-op on wide screens, where the map
 * page does not scroll.
 */
export const MAP_AREA_ID = 'zone-carte';

export function bringMapIntoView(): void {
  const area = document.getElementById(MAP_AREA_ID);
  if (!area || typeof area.scrollIntoView !== 'function') return;
  const rect = area.getBoundingClientRect();
  const viewport = window.innerHeight || document.documentElement.clientHeight;
  if (rect.top >= 0 && rect.bottom <= viewport + 1) return;
  area.scrollIntoView({ block: rect.height <= viewport ? 'end' : 'start', behavior: 'auto' });
}
