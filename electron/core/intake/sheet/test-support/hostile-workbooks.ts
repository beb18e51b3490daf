import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Workbooks built byte by byte for tests: a minimal .xlsx (workbook, its relationships and one
 * sheet of inline strings) that Excel and ExcelJS open, whose zip can be made to lie.
 */
export interface ZipPart {
  name: string;
  /** Raw deflate data, and the size and CRC the directory will state. */
  data: Buffer;
  size: number;
  crc: number;
}

export const part = (name: string, text: string): ZipPart => {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const column = (n: number): string => (n > 26 ? column(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

export function sheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => `<c r="${column(i + 1)}${r + 1}" t="inlineStr"><is><t>${escapeXml(c)}</t></is></c>`).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Everything but the sheet: content types, package and workbook relationships, the workbook. */
export function workbookParts(): ZipPart[] {
  return [
    part('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    part('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
  ];
}

/** A zip of the parts: local headers, data, then the central directory and its end record. */
export function zip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * A sheet with a header row and then `mebibytes` MiB of spaces, as one deflate stream: a block
 * of 1 MiB of spaces after a full flush compresses to the same ~1 KB every time, so 4 GiB costs
 * 4 MB to build and to hold. `statedSize`: what the directory says the sheet unpacks to.
 */
export function whitespaceBombSheet(mebibytes: number, statedSize?: number): ZipPart {
  const head = sheetXml([['Email', 'First name', 'Last name']]).replace('</sheetData></worksheet>', '');
  const tail = '</sheetData></worksheet>';
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_FULL_FLUSH }), ...Array.from({ length: mebibytes }, () => block), deflateRawSync(Buffer.from(tail))]);
  const size = head.length + mebibytes * 1024 * 1024 + tail.length;
  return { name: 'xl/worksheets/sheet1.xml', data, size: statedSize ?? Math.min(size, 0xffffffff), crc: 0 };
}

export const workbook = (rows: readonly (readonly string[])[]) => zip([...workbookParts(), part('xl/worksheets/sheet1.xml', sheetXml(rows))]);
