import type { DocumentLimits } from '../../../../shared/domain/document-queue';
import { PdfRefusal } from './refusals';

const MB = 1024 * 1024;
/** PDF readers accept a header anywhere in the first kilobyte, and %%EOF in the last one. */
const WINDOW = 1024;

function contains(bytes: Uint8Array, start: number, end: number, ascii: string): boolean {
  const needle = Array.from(ascii, (c) => c.charCodeAt(0));
  for (let i = Math.max(0, start); i <= Math.min(bytes.length, end) - needle.length; i += 1) {
    if (needle.every((code, j) => bytes[i + j] === code)) return true;
  }
  return false;
}

/** What a file that is not a PDF most likely is, so the refusal can name it. */
export function guessOtherType(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  if (head.startsWith('PK')) return 'a Word, Excel or ZIP file';
  if (head.startsWith('\xFF\xD8\xFF') || head.startsWith('\x89PNG') || head.startsWith('II*') || head.startsWith('MM\0*')) return 'a picture';
  if (/^\s*<(!doctype|html)/i.test(String.fromCharCode(...bytes.subarray(0, 64)))) return 'a web page';
  if (head.startsWith('\xD0\xCF\x11\xE0')) return 'an old Word or Excel file';
  return undefined;
}

/** The checks that need no parsing, done before a worker is bothered: empty, too big, not a PDF, cut short. */
export function checkPdfBytes(bytes: Uint8Array, limits: DocumentLimits): void {
  if (bytes.byteLength === 0) throw new PdfRefusal('empty');
  if (bytes.byteLength > limits.maxMegabytes * MB) {
    throw new PdfRefusal('too_large', { megabytes: Math.ceil((bytes.byteLength / MB) * 10) / 10, limitMegabytes: limits.maxMegabytes });
  }
  if (!contains(bytes, 0, WINDOW, '%PDF-')) throw new PdfRefusal('not_pdf', { actualType: guessOtherType(bytes) });
  if (!contains(bytes, bytes.length - WINDOW, bytes.length, '%%EOF')) throw new PdfRefusal('truncated');
}
