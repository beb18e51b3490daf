import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A greyscale PNG that looks like a scanned form (paper grey, dark "text" bars, a signature
 * scribble), made by hand so the samples need no image library and no file from disk.
 */
export function scanLikePng(width: number, height: number): Uint8Array {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(width + 1);
    for (let x = 0; x < width; x += 1) {
      const textBar = y % 14 < 4 && y > 30 && y < height - 60 && x > 28 && x < width - 28 - ((y * 7) % 90);
      const scribble = y > height - 50 && y < height - 30 && Math.abs(Math.sin(x / 6) * 8 - (y - (height - 40))) < 1.5 && x > 120 && x < 220;
      row[x + 1] = textBar || scribble ? 40 : 232 + ((x * 31 + y * 17) % 9);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}
