import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const BUILD = path.resolve(__dirname, '..', '..', 'build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth and colour type from a PNG's IHDR, after checking the signature. */
function pngHeader(png: Buffer): { width: number; height: number; depth: number; colorType: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), depth: png[24] ?? -1, colorType: png[25] ?? -1 };
}

/** RGBA of one pixel of an 8-bit RGBA PNG written with filter 0 on every row (what generateIcons writes). */
function pixel(png: Buffer, x: number, y: number): number[] {
  const { width } = pngHeader(png);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const row = y * (width * 4 + 1);
  expect(raw[row]).toBe(0);
  return [...raw.subarray(row + 1 + x * 4, row + 1 + x * 4 + 4)];
}

describe('build/ icons', () => {
  it('has a 1024 icon.png and the Linux set, RGBA', () => {
    expect(pngHeader(readFileSync(path.join(BUILD, 'icon.png')))).toStrictEqual({ width: 1024, height: 1024, depth: 8, colorType: 6 });
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngHeader(readFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`)))).toStrictEqual({ width: size, height: size, depth: 8, colorType: 6 });
    }
  });

  it('draws the mark: transparent corners, dark tile, teal top layer', () => {
    const png = readFileSync(path.join(BUILD, 'icons', '512x512.png'));
    expect(pixel(png, 2, 2)).toStrictEqual([0, 0, 0, 0]);
    const tile = pixel(png, 256, 470);
    expect(tile[3]).toBe(255);
    expect(Math.max(...tile.slice(0, 3))).toBeLessThan(40);
    expect(pixel(png, 256, 195)).toStrictEqual([0x5e, 0xea, 0xd4, 255]);
  });

  it('has an .ico of PNG entries up to 256', () => {
    const ico = readFileSync(path.join(BUILD, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toStrictEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico[entry] === 0 ? 256 : (ico[entry] ?? -1);
      const bytes = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(pngHeader(ico.subarray(offset, offset + bytes)).width).toBe(size);
      sizes.push(size);
    }
    expect(sizes).toStrictEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has an .icns whose PNG entries match their types', () => {
    const icns = readFileSync(path.join(BUILD, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const expected: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    const seen: string[] = [];
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      expect(pngHeader(icns.subarray(offset + 8, offset + length)).width, type).toBe(expected[type]);
      seen.push(type);
      offset += length;
    }
    expect(seen.sort()).toStrictEqual(Object.keys(expected).sort());
  });

  it('has the SVG master and the macOS entitlements (JIT only)', () => {
    const svg = readFileSync(path.join(BUILD, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1024" height="1024"/);
    expect(svg.match(/<polygon /g)).toHaveLength(6);
    const plist = readFileSync(path.join(BUILD, 'entitlements.mac.plist'), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toStrictEqual(['com.apple.security.cs.allow-jit']);
  });
});
