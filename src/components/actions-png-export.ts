/**
 * Composes the "export the current view as PNG" image on a 2D canvas: a title band, the map as captured
 * (see ActionsLayers' capture, taken inside a `render` event), then a legend with counts, the active filters,
 * the date and the sources. Drawn with the system font: the text is for people, not for MapLibre.
 */
import type { ObjectifId } from '../domain/actions/schema.ts';

export interface PngLegendEntry {
  couleur: string;
  symbole: string;
  libelle: string;
  count: number;
}

export interface PngContent {
  title: string;
  subtitle: string;
  legend: PngLegendEntry[];
  filtersText: string;
  dateText: string;
  sources: string[];
}

const FONT = 'system-ui, "Noto Sans", Arial, sans-serif';

/** Splits a text into lines that fit `maxWidth` on the given context. */
function wrap(context: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && context.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Draws the export image.
 *
 * @param mapCanvas the captured map, in device pixels.
 * @param scale device pixels per CSS pixel of that capture (text is sized in CSS pixels × scale).
 */
export function composeActionsPng(
  mapCanvas: HTMLCanvasElement,
  content: PngContent,
  scale: number,
): HTMLCanvasElement {
  const width = mapCanvas.width;
  const pad = 16 * scale;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('Canvas 2D indisponible');
  measure.font = `${13 * scale}px ${FONT}`;
  const footerLines = [
    ...wrap(measure, content.filtersText, width - 2 * pad),
    ...wrap(measure, content.dateText, width - 2 * pad),
    ...content.sources.flatMap((source) => wrap(measure, source, width - 2 * pad)),
  ];
  const headerHeight = 64 * scale;
  const legendRow = 24 * scale;
  const legendColumns = width > 900 * scale ? 3 : width > 560 * scale ? 2 : 1;
  const legendHeight = Math.ceil(content.legend.length / legendColumns) * legendRow + pad;
  const footerHeight = footerLines.length * 18 * scale + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = headerHeight + mapCanvas.height + legendHeight + footerHeight + pad;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Canvas 2D indisponible');

  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#1a1a1a';
  context.textBaseline = 'top';
  context.font = `bold ${20 * scale}px ${FONT}`;
  context.fillText(content.title, pad, 12 * scale, width - 2 * pad);
  context.font = `${13 * scale}px ${FONT}`;
  context.fillStyle = '#4a4f57';
  context.fillText(content.subtitle, pad, 40 * scale, width - 2 * pad);

  context.drawImage(mapCanvas, 0, headerHeight);
  context.strokeStyle = '#767d87';
  context.lineWidth = Math.max(1, scale);
  context.strokeRect(0, headerHeight, width, mapCanvas.height);

  let y = headerHeight + mapCanvas.height + pad / 2;
  const columnWidth = (width - 2 * pad) / legendColumns;
  content.legend.forEach((entry, index) => {
    const x = pad + (index % legendColumns) * columnWidth;
    const rowY = y + Math.floor(index / legendColumns) * legendRow;
    const radius = 9 * scale;
    context.beginPath();
    context.arc(x + radius, rowY + radius, radius, 0, 2 * Math.PI);
    context.fillStyle = entry.couleur;
    context.fill();
    context.fillStyle = '#ffffff';
    context.font = `bold ${11 * scale}px ${FONT}`;
    context.textAlign = 'center';
    context.fillText(entry.symbole, x + radius, rowY + radius - 6 * scale);
    context.textAlign = 'left';
    context.fillStyle = '#1a1a1a';
    context.font = `${13 * scale}px ${FONT}`;
    context.fillText(
      `${entry.libelle} : ${entry.count}`,
      x + 2 * radius + 6 * scale,
      rowY + 2 * scale,
      columnWidth - 30 * scale,
    );
  });
  y += legendHeight;

  context.fillStyle = '#1a1a1a';
  context.font = `${13 * scale}px ${FONT}`;
  for (const line of footerLines) {
    context.fillText(line, pad, y);
    y += 18 * scale;
  }
  return canvas;
}

/** Counts per objective → legend entries, in the objectives' order. */
export function legendEntries(
  objectifs: readonly { id: string; couleur: string; symbole: string; libelle_court: string }[],
  counts: Record<ObjectifId, number>,
): PngLegendEntry[] {
  return objectifs.map((objectif) => ({
    couleur: objectif.couleur,
    symbole: objectif.symbole,
    libelle: objectif.libelle_court,
    count: counts[objectif.id as ObjectifId] ?? 0,
  }));
}

/** Today's local date as `YYYY-MM-DD` (for file names). */
export function isoToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
