/**
 * Composes the "export the current view as PNG" image on a 2D canvas: a title band, the map as captured
 * (see ActionsLayers' capture, taken inside a `render` event), then a legend with counts, the active filters,
 * the date and the sources. Drawn with the system font: the text is for people, not for MapLibre.
 */
import type { ObjectifId } from '../../domain/actions/model.ts';
import type { ScaleBar } from '../../domain/scale-bar.ts';
import { MAP_COLOR } from '../../map/colors.ts';

/** Width of the exported image, device pixels: ≈ 19 cm at 200 dpi, a full A4 width with margins. */
export const PNG_MIN_WIDTH = 1600;

/** The map's own layers in the export's legend (drawn like the map: outline width and dash, not colour alone). */
export const MAP_LEGEND: readonly { kind: 'qpv' | 'qpv-focus' | 'street'; label: string }[] = [
  { kind: 'qpv', label: 'Quartier prioritaire 2024 (QPV, contour ANCT)' },
  { kind: 'qpv-focus', label: 'QN05980M, Saint-Pierre (trait épais)' },
  {
    kind: 'street',
    label: 'Rues de Saint-Pierre (plein : dans le QPV ; tirets : en limite ; points : en partie hors)',
  },
];

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
  /** In the capture's device pixels; null when the map's scale is unknown. */
  scaleBar: ScaleBar | null;
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
  const legendHeight =
    (Math.ceil(content.legend.length / legendColumns) + MAP_LEGEND.length) * legendRow + pad;
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
  if (content.scaleBar)
    drawScaleBar(context, content.scaleBar, pad, headerHeight + mapCanvas.height - pad, scale);

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
  y += Math.ceil(content.legend.length / legendColumns) * legendRow;
  for (const entry of MAP_LEGEND) {
    drawMapSwatch(context, entry.kind, pad, y, scale);
    context.fillStyle = '#1a1a1a';
    context.font = `${13 * scale}px ${FONT}`;
    context.fillText(entry.label, pad + 40 * scale, y + 2 * scale, width - 2 * pad - 40 * scale);
    y += legendRow;
  }
  y += pad;

  context.fillStyle = '#1a1a1a';
  context.font = `${13 * scale}px ${FONT}`;
  for (const line of footerLines) {
    context.fillText(line, pad, y);
    y += 18 * scale;
  }
  return canvas;
}

/** A scale bar in the map's bottom-left corner, on a white plate: « 0 ——— 100 m ». */
function drawScaleBar(
  context: CanvasRenderingContext2D,
  bar: ScaleBar,
  x: number,
  bottom: number,
  scale: number,
): void {
  const height = 26 * scale;
  context.fillStyle = 'rgba(255, 255, 255, 0.9)';
  context.fillRect(x - 6 * scale, bottom - height, bar.px + 80 * scale, height + 4 * scale);
  context.strokeStyle = '#1a1a1a';
  context.lineWidth = 2 * scale;
  context.beginPath();
  context.moveTo(x, bottom - 12 * scale);
  context.lineTo(x, bottom - 4 * scale);
  context.lineTo(x + bar.px, bottom - 4 * scale);
  context.lineTo(x + bar.px, bottom - 12 * scale);
  context.stroke();
  context.fillStyle = '#1a1a1a';
  context.font = `${12 * scale}px ${FONT}`;
  context.fillText(bar.label, x + bar.px + 6 * scale, bottom - 18 * scale);
}

function drawMapSwatch(
  context: CanvasRenderingContext2D,
  kind: (typeof MAP_LEGEND)[number]['kind'],
  x: number,
  y: number,
  scale: number,
): void {
  const w = 32 * scale;
  const h = 16 * scale;
  context.save();
  if (kind === 'street') {
    context.strokeStyle = MAP_COLOR.street;
    context.lineWidth = 4 * scale;
    context.setLineDash([8 * scale, 4 * scale]);
    context.beginPath();
    context.moveTo(x, y + h / 2);
    context.lineTo(x + w, y + h / 2);
    context.stroke();
  } else {
    context.fillStyle = 'rgba(29, 78, 137, 0.18)';
    context.fillRect(x, y, w, h);
    context.strokeStyle = kind === 'qpv' ? MAP_COLOR.qpv : MAP_COLOR.qpvFocus;
    context.lineWidth = (kind === 'qpv' ? 1.5 : 4) * scale;
    context.strokeRect(x, y, w, h);
  }
  context.restore();
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
