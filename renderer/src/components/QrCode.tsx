import { create } from 'qrcode';
import { useMemo } from 'react';

/** Modules of light margin around the symbol: the quiet zone ISO/IEC 18004 asks for. */
const QUIET_ZONE = 4;

/** One SVG path drawing every dark module of a square matrix (`size`×`size`, row-major), offset by the quiet zone. */
export function qrPath(size: number, dark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col += 1;
        continue;
      }
      // a run of dark modules is one rectangle: fewer path commands than one square per module
      const start = col;
      while (col < size && dark(row, col)) col += 1;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return parts.join('');
}

/**
 * A QR code of `value` (the `qrcode` library's encoder, error correction M) drawn as an SVG that React builds: no
 * inline style, no data URL, so the strict CSP holds. Dark on white whatever the theme, as scanners expect.
 */
export function QrCode({ value, label, size = 216 }: { value: string; label: string; size?: number }) {
  const { modules, path } = useMemo(() => {
    const matrix = create(value, { errorCorrectionLevel: 'M' }).modules;
    return { modules: matrix.size, path: qrPath(matrix.size, (row, col) => matrix.get(row, col) !== 0) };
  }, [value]);
  const extent = modules + QUIET_ZONE * 2;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
