#!/usr/bin/env node
/**
 * Draws Strata's icon (three stacked layers, "strata", on a dark rounded square) and writes every file
 * electron-builder needs, with Node alone (no image tools, no downloads):
 *   build/icon.svg, build/icon.png (1024), build/icons/NxN.png (16..512, the Linux set),
 *   build/icon.ico (Windows, PNG-compressed entries 16..256), build/icon.icns (macOS, PNG entries 16..1024).
 * Deterministic: the same geometry gives the same bytes. Usage: node build/generateIcons.mjs [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---- geometry, in a 1024 x 1024 design space --------------------------------------------------------------------
const DESIGN = 1024;
const TILE = { x: 80, y: 80, size: 864, radius: 192 };
const BG_TOP = [0x16, 0x1d, 0x2e];
const BG_BOTTOM = [0x0b, 0x0f, 0x17];
const GAP = [0x0b, 0x0f, 0x17];
/** layers from bottom to top: a flat rhombus (isometric slab) each, centre y and colour */
const LAYERS = [
  { cy: 650, color: [0x63, 0x66, 0xf1] },
  { cy: 520, color: [0x38, 0xbd, 0xf8] },
  { cy: 390, color: [0x5e, 0xea, 0xd4] },
];
const RHOMBUS = { cx: 512, halfWidth: 300, halfHeight: 150 };
const GAP_WIDTH = 28;

/** The slab centred at `cy`; `grow` pushes every edge outwards by that many units (for the gap outline). */
function rhombus(cy, grow = 0) {
  const { halfWidth, halfHeight } = RHOMBUS;
  // Distance from the centre to an edge is 1 / sqrt(1/w^2 + 1/h^2): scaling by k moves the edges by grow.
  const k = 1 + grow * Math.sqrt(1 / halfWidth ** 2 + 1 / halfHeight ** 2);
  const w = halfWidth * k;
  const h = halfHeight * k;
  return [
    [RHOMBUS.cx, cy - h],
    [RHOMBUS.cx + w, cy],
    [RHOMBUS.cx, cy + h],
    [RHOMBUS.cx - w, cy],
  ];
}

/** Paint order: tile, then for each layer a dark outline (the gap between slabs) and the slab itself. */
function shapes() {
  const list = [{ kind: 'tile' }];
  for (const layer of LAYERS) {
    list.push({ kind: 'polygon', points: rhombus(layer.cy, GAP_WIDTH), color: GAP });
    list.push({ kind: 'polygon', points: rhombus(layer.cy), color: layer.color });
  }
  return list;
}

// ---- rasteriser ---------------------------------------------------------------------------------------------------
function insideTile(x, y) {
  const { x: x0, y: y0, size, radius } = TILE;
  if (x < x0 || y < y0 || x > x0 + size || y > y0 + size) return false;
  const cx = Math.min(Math.max(x, x0 + radius), x0 + size - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y0 + size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insidePolygon(points, x, y) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function tileColor(y) {
  const t = Math.min(Math.max((y - TILE.y) / TILE.size, 0), 1);
  return BG_TOP.map((top, i) => top + (BG_BOTTOM[i] - top) * t);
}

/** RGBA pixels of the icon at `size` x `size`, 4x4 supersampled. */
export function renderIcon(size) {
  const list = shapes();
  const samples = 4;
  const scale = DESIGN / size;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          if (!insideTile(x, y)) continue;
          let color = tileColor(y);
          for (const shape of list) {
            if (shape.kind === 'polygon' && insidePolygon(shape.points, x, y)) color = shape.color;
          }
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return pixels;
}

// ---- encoders -----------------------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'ascii');
  Buffer.from(data).copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG. */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Windows .ico holding PNG images (supported since Vista). */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** macOS .icns with PNG entries; `entries` are [OSType, png]. */
export function encodeIcns(entries) {
  const parts = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

export function iconSvg() {
  const fmt = (points) => points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ');
  const hex = (rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  const body = shapes()
    .filter((shape) => shape.kind === 'polygon')
    .map((shape) => `  <polygon points="${fmt(shape.points)}" fill="${hex(shape.color)}"/>`)
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DESIGN}" height="${DESIGN}" viewBox="0 0 ${DESIGN} ${DESIGN}">
  <title>Strata</title>
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hex(BG_TOP)}"/>
      <stop offset="1" stop-color="${hex(BG_BOTTOM)}"/>
    </linearGradient>
    <clipPath id="clip"><rect x="${TILE.x}" y="${TILE.y}" width="${TILE.size}" height="${TILE.size}" rx="${TILE.radius}"/></clipPath>
  </defs>
  <rect x="${TILE.x}" y="${TILE.y}" width="${TILE.size}" height="${TILE.size}" rx="${TILE.radius}" fill="url(#tile)"/>
  <g clip-path="url(#clip)">
${body}
  </g>
</svg>
`;
}

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export function generateIcons(outDir) {
  const pngs = new Map();
  const png = (size) => {
    if (!pngs.has(size)) pngs.set(size, encodePng(size, renderIcon(size)));
    return pngs.get(size);
  };
  mkdirSync(path.join(outDir, 'icons'), { recursive: true });
  writeFileSync(path.join(outDir, 'icon.svg'), iconSvg());
  writeFileSync(path.join(outDir, 'icon.png'), png(1024));
  for (const size of LINUX_SIZES) writeFileSync(path.join(outDir, 'icons', `${size}x${size}.png`), png(size));
  writeFileSync(path.join(outDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  writeFileSync(path.join(outDir, 'icon.icns'), encodeIcns(ICNS_TYPES.map(([type, size]) => [type, png(size)])));
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? here);
  const started = performance.now();
  generateIcons(outDir);
  console.log(`[icons] written to ${outDir} in ${(performance.now() - started).toFixed(0)} ms`);
}
