/**
 * Small SVG swatches of the legend, drawn with the map's own colours and patterns (outline width, dashes,
 * hatching), so that the legend can be read without relying on colour (WCAG 1.4.1).
 */
import { SwatchFrame, SwatchRect } from '../../lib/swatch.tsx';
import { MAP_COLOR } from '../../map/colors.ts';

export type SwatchKind =
  | 'qpv'
  | 'qpv-focus'
  | 'qpv-selected'
  | 'band'
  | 'street-dedans'
  | 'street-limite'
  | 'street-partiel'
  | 'commune'
  | 'road';

export function LegendSwatch({ kind }: { kind: SwatchKind }) {
  return (
    <SwatchFrame>
      <SwatchShape kind={kind} />
    </SwatchFrame>
  );
}

function SwatchShape({ kind }: { kind: SwatchKind }) {
  switch (kind) {
    case 'qpv':
      return <SwatchRect fill={MAP_COLOR.qpv} fillOpacity="0.15" stroke={MAP_COLOR.qpv} strokeWidth="1.5" />;
    case 'qpv-focus':
      return (
        <rect
          x="2.5"
          y="2.5"
          width="27"
          height="15"
          fill={MAP_COLOR.qpv}
          fillOpacity="0.25"
          stroke={MAP_COLOR.qpvFocus}
          strokeWidth="4"
        />
      );
    case 'qpv-selected':
      return (
        <rect
          x="2.5"
          y="2.5"
          width="27"
          height="15"
          fill="none"
          stroke={MAP_COLOR.qpvSelected}
          strokeWidth="4"
          strokeDasharray="6 3"
        />
      );
    case 'band':
      return (
        <>
          <defs>
            <pattern
              id="legende-hachures"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line x1="0" y1="0" x2="0" y2="6" stroke={MAP_COLOR.vatBand} strokeWidth="2" />
            </pattern>
          </defs>
          <SwatchRect
            fill="url(#legende-hachures)"
            stroke={MAP_COLOR.vatBand}
            strokeWidth="2"
            strokeDasharray="5 3"
          />
        </>
      );
    case 'street-dedans':
    case 'street-limite':
    case 'street-partiel': {
      const dash = kind === 'street-limite' ? '8 4' : kind === 'street-partiel' ? '4 4' : undefined;
      return (
        <>
          <line x1="2" y1="10" x2="30" y2="10" stroke="#fff" strokeWidth="7" />
          <line
            x1="2"
            y1="10"
            x2="30"
            y2="10"
            stroke={MAP_COLOR.street}
            strokeWidth="4"
            strokeDasharray={dash}
          />
        </>
      );
    }
    case 'commune':
      return (
        <line
          x1="2"
          y1="10"
          x2="30"
          y2="10"
          stroke={MAP_COLOR.communeLine}
          strokeWidth="2"
          strokeDasharray="8 4"
        />
      );
    case 'road':
      return (
        <>
          <line x1="2" y1="10" x2="30" y2="10" stroke={MAP_COLOR.roadMajorCasing} strokeWidth="7" />
          <line x1="2" y1="10" x2="30" y2="10" stroke={MAP_COLOR.roadMajor} strokeWidth="4" />
        </>
      );
  }
}
