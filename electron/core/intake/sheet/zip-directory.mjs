// The zip directory of an .xlsx, read and checked before any of it is inflated, for
// read-xlsx.worker.mjs. A 4 MB workbook can say (or hide) that its sheet is 4 GiB of spaces; the
// upload limit only sees the 4 MB. So: the directory's sizes are checked against limits, every
// entry that will be read is inflated once with its output counted (a directory can lie), and
// ExcelJS then reads a clean copy built from the checked entries only, with their real sizes in
// every local header, so its unzipper inflates exactly the bytes that were counted.
// Plain JavaScript: it runs in a worker started from a file (see read-pdf.worker.mjs).
import { Buffer } from 'node:buffer';
import { createInflateRaw } from 'node:zlib';

export class SheetProblem extends Error {
  constructor(code, detail) {
    super(code);
    this.code = code;
    this.detail = detail;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** What ExcelJS reads of a workbook; pictures, charts and macros are never unpacked. */
const WANTED = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/sheet\d+\.xml)$/;
const MAX_ENTRIES = 10_000;

function findEndOfDirectory(bytes) {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) === bytes.length) return at;
  }
  throw new SheetProblem('unreadable');
}

/** The central directory: one record per entry, every field checked against the file's own bounds. */
export function readDirectory(bytes) {
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  // Several disks, ZIP64 (a workbook over 4 GB is no form export), or a directory outside the file.
  if (bytes.readUInt16LE(end + 4) !== 0 || count === 0xffff || offset === 0xffffffff || offset + size > end || count > MAX_ENTRIES) throw new SheetProblem('inconsistent');
  const entries = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > offset + size || bytes.readUInt32LE(at) !== CENTRAL) throw new SheetProblem('inconsistent');
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > offset + size) throw new SheetProblem('inconsistent');
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at = next;
  }
  if (at !== offset + size) throw new SheetProblem('inconsistent');
  return { entries, directoryOffset: offset };
}

/** Where an entry's data lies, from its local header; it must end before the directory starts. */
function dataOf(bytes, entry, directoryOffset) {
  const at = entry.localOffset;
  if (at + 30 > directoryOffset || bytes.readUInt32LE(at) !== LOCAL) throw new SheetProblem('inconsistent');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > directoryOffset) throw new SheetProblem('inconsistent');
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflates one entry, keeping nothing: only the count, which must come out as the directory said. */
function countInflated(data, declared) {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let produced = 0;
    inflate.on('data', (chunk) => {
      produced += chunk.length;
      if (produced > declared) inflate.destroy(new SheetProblem('inconsistent'));
    });
    inflate.on('error', (error) => reject(error instanceof SheetProblem ? error : new SheetProblem('unreadable')));
    inflate.on('end', () => (produced === declared ? resolve() : reject(new SheetProblem('inconsistent'))));
    inflate.end(data);
  });
}

/** Shared strings, styles and the workbook before the sheets, as the streaming reader needs them. */
function readingOrder(a, b) {
  const rank = (e) => {
    const sheet = /sheet(\d+)\.xml$/.exec(e.name);
    return sheet ? 1 + Number(sheet[1]) : 0;
  };
  return rank(a) - rank(b);
}

function localHeader(entry, nameBytes) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(entry.flags & 0x0800, 6); // only "the name is UTF-8"; no data descriptor
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return header;
}

/**
 * Checks an .xlsx's zip and returns a clean copy holding only the entries ExcelJS reads. Throws a
 * SheetProblem: `unreadable` (not a zip, or encrypted), `inconsistent` (a directory that does not
 * describe its file, or lies about sizes), `unpacked_too_big` (detail: the entry or the total, in bytes).
 */
export async function checkedWorkbook(input, limits) {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 22) throw new SheetProblem('unreadable');
  const { entries, directoryOffset } = readDirectory(bytes);
  const wanted = entries.filter((e) => WANTED.test(e.name)).sort(readingOrder);
  let total = 0;
  for (const entry of wanted) {
    if (entry.flags & 0x1 || (entry.method !== 0 && entry.method !== 8)) throw new SheetProblem('unreadable');
    total += entry.size;
    if (entry.size > limits.maxUnpackedBytes || total > limits.maxUnpackedBytes) throw new SheetProblem('unpacked_too_big', String(Math.max(entry.size, total)));
  }
  const parts = [];
  for (const entry of wanted) {
    const data = dataOf(bytes, entry, directoryOffset);
    if (entry.method === 8) await countInflated(data, entry.size);
    else if (entry.compressedSize !== entry.size) throw new SheetProblem('inconsistent');
    const nameBytes = Buffer.from(entry.name, 'utf8');
    parts.push(localHeader(entry, nameBytes), nameBytes, data);
  }
  // An end record with no directory: the streaming reader stops there, having read every entry.
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  return Buffer.concat([...parts, end]);
}
