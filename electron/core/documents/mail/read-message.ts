import type { MessageEnvelope } from '../../../../shared/domain/document-mail';
import type { MailExtract, MailPart } from './mail-extract';
import type { MailPool } from './mail-pool';
import { MailRefusal } from './mail-refusals';

const MB = 1024 * 1024;
/** The HTTP host takes 64 MB a request and base64 adds a third: a message up to 45 MB crosses it. */
export const MAX_MESSAGE_MB = 45;

export interface MessagePdf {
  fileName: string;
  bytes: Uint8Array;
}

export interface MessageReading {
  format: MailExtract['format'];
  /** Who sent it, to whom, when, about what: kept with each document it brought. */
  envelope: MessageEnvelope;
  pdfs: MessagePdf[];
  /** What staff should know about the rest of the message, in sentences (forwarded, zip, renamed, skipped). */
  notes: string[];
}

export const isMessageFile = (name: string) => /\.(eml|msg)$/i.test(name.trim());

const startsWithPdf = (b: Uint8Array) => b.length > 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
const isPdf = (p: MailPart) => p.contentType === 'application/pdf' || /\.pdf$/i.test(p.filename) || startsWithPdf(p.bytes);

type Category = 'image' | 'word' | 'sheet' | 'zip' | 'message' | 'other';
const CATEGORY_WORDS: Record<Category, [string, string]> = {
  image: ['an image', 'images'],
  word: ['a Word document', 'Word documents'],
  sheet: ['a spreadsheet', 'spreadsheets'],
  zip: ['a ZIP archive', 'ZIP archives'],
  message: ['a forwarded message', 'forwarded messages'],
  other: ['another file', 'other files'],
};

function categoryOf(p: MailPart): Category {
  const name = p.filename.toLowerCase();
  if (p.contentType.startsWith('image/') || /\.(jpe?g|png|gif|tiff?|bmp|heic|webp)$/.test(name)) return 'image';
  if (/word|rtf/.test(p.contentType) || /\.(docx?|rtf|odt)$/.test(name)) return 'word';
  if (/excel|spreadsheet|csv/.test(p.contentType) || /\.(xlsx?|csv|ods)$/.test(name)) return 'sheet';
  if (/zip|compressed|x-7z|x-rar/.test(p.contentType) || /\.(zip|7z|rar)$/.test(name)) return 'zip';
  if (p.contentType === 'message/rfc822' || /\.(eml|msg)$/.test(name)) return 'message';
  return 'other';
}

const NUMBERS = ['no', 'one', '2', '3', '4', '5', '6', '7', '8', '9'];

/** "3 images and a Word document": what a message held besides PDFs, for the refusal. */
export function describeParts(parts: readonly MailPart[], forwarded: number): string {
  const counts = new Map<Category, number>();
  for (const p of parts) counts.set(categoryOf(p), (counts.get(categoryOf(p)) ?? 0) + 1);
  if (forwarded > 0) counts.set('message', (counts.get('message') ?? 0) + forwarded);
  const words = [...counts.entries()].map(([c, n]) => (n === 1 ? CATEGORY_WORDS[c][0] : `${NUMBERS[n] ?? n} ${CATEGORY_WORDS[c][1]}`));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

function notesOf(extract: MailExtract, others: readonly MailPart[], renamed: readonly MailPart[]): string[] {
  const notes: string[] = [];
  const zips = others.filter((p) => categoryOf(p) === 'zip');
  if (zips.length) notes.push(`${quoted(zips.map((z) => z.filename || 'unnamed'))} ${zips.length === 1 ? 'is a ZIP archive and was' : 'are ZIP archives and were'} not opened: if the forms are inside, ask the sender to attach the PDFs themselves.`);
  if (extract.forwarded.length) {
    const named = extract.forwarded.map((f) => f.name).filter(Boolean);
    notes.push(`The email carries a forwarded message${named.length ? ` (${quoted(named)})` : ''}; its attachments were read one level deep, with the rest.`);
  }
  if (extract.unopened.length) notes.push(`A message forwarded inside the forwarded one (${quoted(extract.unopened)}) was not opened: only one level is read. Ask for the PDFs in a new email.`);
  for (const p of renamed) notes.push(`The attachment “${p.rawName}” named folders; it was kept as “${p.filename}”, without them.`);
  const skipped = others.filter((p) => categoryOf(p) !== 'zip');
  if (skipped.length) notes.push(`Not read (not PDFs): ${describeParts(skipped, 0)}.`);
  return notes;
}

/** Every PDF gets a name: an unnamed attachment is numbered, a name without .pdf gets it. */
function pdfName(part: MailPart, index: number): string {
  const name = part.filename || `attachment-${index + 1}.pdf`;
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/**
 * Reads a message in a worker and keeps its PDFs. A message with no PDF is refused with a
 * sentence naming what it held; everything else it held is said in `notes`.
 */
export async function readMessage(pool: MailPool, bytes: Uint8Array): Promise<MessageReading> {
  if (bytes.byteLength === 0) throw new MailRefusal('empty');
  if (bytes.byteLength > MAX_MESSAGE_MB * MB) throw new MailRefusal('too_large', { megabytes: Math.ceil((bytes.byteLength / MB) * 10) / 10, limitMegabytes: MAX_MESSAGE_MB });
  const extract = await pool.read(bytes);
  const pdfs = extract.attachments.filter(isPdf);
  const others = extract.attachments.filter((p) => !isPdf(p));
  if (pdfs.length === 0) {
    const held = describeParts(others, extract.forwarded.length);
    throw new MailRefusal('no_pdf', { held: held && `it holds ${held}${extract.unopened.length ? ' (read one level deep)' : ''}` });
  }
  const renamed = pdfs.filter((p) => p.rawName !== p.filename && p.filename !== '');
  return {
    format: extract.format,
    envelope: { from: extract.from, to: extract.to, sentAt: extract.date, subject: extract.subject },
    pdfs: pdfs.map((p, i) => ({ fileName: pdfName(p, i), bytes: p.bytes })),
    notes: notesOf(extract, others, renamed),
  };
}
