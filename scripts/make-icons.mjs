#!/usr/bin/env node
// Draws the app icon (an ID card with a check badge: a person let in) into resources/icons/:
// icon.svg, icon.png (512x512, Linux and macOS) and icon.ico (16-256, Windows). Pure Node (zlib)
// so no image package is needed; run `node scripts/make-icons.mjs` after changing the shapes.
// The SVG and the rasteriser share one list of shapes, so the three files always agree.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const SAMPLES = 4; // 4x4 samples per pixel: smooth edges at 16 px too.

const BLUE_DARK = '#1864ab';
const BLUE = '#1c7ed6';
const GRAY = '#adb5bd';
const GREEN = '#2f9e44';
const WHITE = '#ffffff';

// Coordinates on a 0..1 square; later shapes paint over earlier ones.
const SHAPES = [
  { kind: 'rect', x: 0.04, y: 0.04, w: 0.92, h: 0.92, r: 0.2, fill: BLUE_DARK },
  { kind: 'rect', x: 0.16, y: 0.25, w: 0.68, h: 0.5, r: 0.06, fill: WHITE },
  { kind: 'circle', cx: 0.335, cy: 0.425, r: 0.075, fill: BLUE },
  { kind: 'rect', x: 0.23, y: 0.52, w: 0.21, h: 0.14, r: 0.06, fill: BLUE },
  { kind: 'rect', x: 0.5, y: 0.37, w: 0.26, h: 0.045, r: 0.02, fill: GRAY },
  { kind: 'rect', x: 0.5, y: 0.47, w: 0.26, h: 0.045, r: 0.02, fill: GRAY },
  { kind: 'rect', x: 0.5, y: 0.57, w: 0.16, h: 0.045, r: 0.02, fill: GRAY },
  { kind: 'circle', cx: 0.76, cy: 0.74, r: 0.155, fill: WHITE },
  { kind: 'circle', cx: 0.76, cy: 0.74, r: 0.13, fill: GREEN },
  { kind: 'line', x1: 0.695, y1: 0.745, x2: 0.74, y2: 0.79, width: 0.034, fill: WHITE },
  { kind: 'line', x1: 0.74, y1: 0.79, x2: 0.83, y2: 0.69, width: 0.034, fill: WHITE },
];

function inside(shape, x, y) {
  if (shape.kind === 'circle') return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
  if (shape.kind === 'line') {
    // A capsule: distance to the segment no more than half the stroke (round caps, as in the SVG).
    const dx = shape.x2 - shape.x1;
    const dy = shape.y2 - shape.y1;
    const t = Math.max(0, Math.min(1, ((x - shape.x1) * dx + (y - shape.y1) * dy) / (dx * dx + dy * dy)));
    return (x - shape.x1 - t * dx) ** 2 + (y - shape.y1 - t * dy) ** 2 <= (shape.width / 2) ** 2;
  }
  const qx = Math.max(shape.x + shape.r - x, 0, x - (shape.x + shape.w - shape.r));
  const qy = Math.max(shape.y + shape.r - y, 0, y - (shape.y + shape.h - shape.r));
  const inBox = x >= shape.x && x <= shape.x + shape.w && y >= shape.y && y <= shape.y + shape.h;
  return inBox && qx * qx + qy * qy <= shape.r * shape.r;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** RGBA pixels of the icon at `size`, by averaging SAMPLES² points per pixel. */
function rasterize(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const colours = SHAPES.map((s) => rgb(s.fill));
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const top = SHAPES.findLastIndex((shape) => inside(shape, x, y));
          if (top < 0) continue;
          colours[top].forEach((c, i) => (sum[i] += c));
          sum[3] += 1;
        }
      }
      const at = (py * size + px) * 4;
      const covered = sum[3];
      for (let i = 0; i < 3; i += 1) pixels[at + i] = covered ? Math.round(sum[i] / covered) : 0;
      pixels[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An .ico whose entries are PNGs (supported since Windows Vista; what electron-builder expects). */
function encodeIco(pngs) {
  const dir = Buffer.alloc(6 + 16 * pngs.length);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(pngs.length, 4);
  let offset = dir.length;
  pngs.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    dir.writeUInt8(size >= 256 ? 0 : size, at);
    dir.writeUInt8(size >= 256 ? 0 : size, at + 1);
    dir.writeUInt16LE(1, at + 4);
    dir.writeUInt16LE(32, at + 6);
    dir.writeUInt32LE(png.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([dir, ...pngs.map((p) => p.png)]);
}

function svg() {
  const n = (v) => +(v * 512).toFixed(2);
  const element = (s) => {
    if (s.kind === 'circle') return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" fill="${s.fill}"/>`;
    if (s.kind === 'line') {
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.fill}" stroke-width="${n(s.width)}" stroke-linecap="round"/>`;
    }
    return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" rx="${n(s.r)}" fill="${s.fill}"/>`;
  };
  const title = '<title>HMIS Access Desk</title>';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">${title}\n  ${SHAPES.map(element).join('\n  ')}\n</svg>\n`;
}

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(path.join(OUT_DIR, 'icon.svg'), svg());
writeFileSync(path.join(OUT_DIR, 'icon.png'), encodePng(512, rasterize(512)));
writeFileSync(path.join(OUT_DIR, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: encodePng(size, rasterize(size)) }))));
console.log(`Wrote icon.svg, icon.png (512x512) and icon.ico (${ICO_SIZES.join(', ')}) to ${path.relative(process.cwd(), OUT_DIR)}`);
