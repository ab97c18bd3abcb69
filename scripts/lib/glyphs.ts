// Map glyphs: the two Noto Sans stacks (Medium for every label, Italic for QPV names) and the ranges French labels need (Basic Latin + Latin-1, Latin
// Extended-A for œ/Œ, General Punctuation for ’ « » – …), plus the OFL licence text.

export const FONT_STACKS = ['Noto Sans Medium', 'Noto Sans Italic'] as const;
export const GLYPH_RANGES = ['0-255', '256-511', '8192-8447'] as const;

/** Paths relative to `<raw>/protomaps-basemaps-assets/fonts/` and to `public/fonts/`. */
export function glyphFiles(): string[] {
  const out: string[] = [];
  for (const stack of FONT_STACKS) for (const range of GLYPH_RANGES) out.push(`${stack}/${range}.pbf`);
  out.push('OFL.txt');
  return out.sort();
}
