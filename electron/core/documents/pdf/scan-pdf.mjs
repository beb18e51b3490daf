// A look at a PDF's raw bytes before pdf.js sees it, for read-pdf.worker.mjs. Two jobs:
// - bound what decoding can cost: pdf.js inflates content, font and object streams into
//   ArrayBuffers that the worker's heap limit does not cover, so a 2 MB "Flate bomb" could grow to
//   gigabytes; here every Flate stream pdf.js would decode is inflated first under a byte budget;
// - find the names of actions and attachments, also inside object streams, where a plain byte
//   search cannot see them (compressed), to combine with what pdf.js reports.
// Plain JavaScript for the same reason as the worker.
import { Buffer } from 'node:buffer';
import { inflateSync } from 'node:zlib';

/** Decoded bytes allowed: a signed form's content, fonts and object streams are a few MB. */
export const DECODE_LIMITS = { perStreamBytes: 48 * 1024 * 1024, totalBytes: 128 * 1024 * 1024 };

/** Names that mean the file does something when opened or clicked. */
const WATCHED = new Set(['Launch', 'EmbeddedFile', 'EmbeddedFiles', 'JavaScript', 'JS', 'SubmitForm', 'URI', 'ImportData', 'GoToE']);
const NAME = /\/([^\s()<>[\]{}/%]+)/g;
/** How far back from `stream` the stream's dictionary is looked for. */
const DICT_WINDOW = 16 * 1024;

export class DecodeBudgetExceeded extends Error {}

/** `#xx` escapes spell any character of a name (`/La#75nch` is `/Launch`). */
function decodeName(raw) {
  return raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))) : raw;
}

function collectNames(text, found) {
  for (const match of text.matchAll(NAME)) {
    const name = decodeName(match[1]);
    if (WATCHED.has(name)) found.add(name);
  }
}

/** The dictionary in front of a stream, as text with whitespace squeezed, for its filter and subtype. */
function dictBefore(bytes, at) {
  const from = Math.max(0, at - DICT_WINDOW);
  const text = bytes.subarray(from, at).toString('latin1');
  const start = text.lastIndexOf('obj');
  return (start >= 0 ? text.slice(start) : text).replace(/\s+/g, ' ').replace(/ ?\/ ?/g, '/');
}

/**
 * pdf.js never decodes an image to read text, so images are left alone (a scan's pictures may
 * decode to hundreds of MB). Streams with filters other than Flate alone are left to the pool's
 * memory watch.
 */
/** How many times Flate is applied, when it is the stream's only filter (0: left alone). */
function flateLayers(dict) {
  if (/\/Subtype\/Image\b/.test(dict)) return 0;
  const filter = /\/Filter ?(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1];
  const names = filter?.match(/\/[A-Za-z0-9]+/g) ?? [];
  return names.every((name) => name === '/FlateDecode' || name === '/Fl') ? names.length : 0;
}

function dataStart(bytes, keywordEnd) {
  if (bytes[keywordEnd] === 0x0d && bytes[keywordEnd + 1] === 0x0a) return keywordEnd + 2;
  if (bytes[keywordEnd] === 0x0a || bytes[keywordEnd] === 0x0d) return keywordEnd + 1;
  return -1;
}

/** Inflates one stream under what is left of the budget; returns the decoded bytes and how much input it used. */
function inflateUnder(data, limit) {
  try {
    const { buffer, engine } = inflateSync(data, { maxOutputLength: Math.max(1, limit), info: true, finishFlush: 2 /* Z_SYNC_FLUSH: a cut-short stream still counts */ });
    return { decoded: buffer, used: engine.bytesWritten };
  } catch (error) {
    if (error?.code === 'ERR_BUFFER_TOO_LARGE') throw new DecodeBudgetExceeded();
    return null; // not Flate data after all: pdf.js will find it damaged, or skip it
  }
}

/**
 * Scans a PDF. Returns the watched names found (raw and in decoded streams) and the decoded
 * bytes counted; throws DecodeBudgetExceeded as soon as a stream or the total passes its limit.
 */
export function scanPdf(input, limits = DECODE_LIMITS) {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const names = new Set();
  collectNames(bytes.toString('latin1'), names);
  let total = 0;
  for (let at = bytes.indexOf('stream'); at >= 0; at = bytes.indexOf('stream', at + 6)) {
    if (at >= 3 && bytes.toString('latin1', at - 3, at) === 'end') continue;
    const start = dataStart(bytes, at + 6);
    const layers = start < 0 ? 0 : flateLayers(dictBefore(bytes, at));
    if (layers === 0) continue;
    const budget = () => Math.min(limits.perStreamBytes, limits.totalBytes - total);
    const first = inflateUnder(bytes.subarray(start), budget());
    let decoded = first?.decoded;
    for (let layer = 1; decoded && layer < layers; layer += 1) decoded = inflateUnder(decoded, budget())?.decoded;
    if (!first) continue;
    total += decoded?.length ?? first.decoded.length;
    collectNames((decoded ?? first.decoded).toString('latin1'), names);
    at = start + Math.max(0, first.used - 6);
  }
  return { names, decodedBytes: total };
}
