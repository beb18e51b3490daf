// Reads one untrusted PDF at a time for pdf-pool.ts, inside a worker thread with a memory limit,
// so a hostile or broken file can take down only this thread (the pool terminates a hung one).
// Plain JavaScript on purpose: a worker is started from a file path, and .ts would need a loader
// that Vitest, tsx and the Electron bundle each provide differently.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DecodeBudgetExceeded, scanPdf } from './scan-pdf.mjs';

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Everything that could run code or reach outside is off; fonts and cmaps come from disk. */
const OPTIONS = {
  isEvalSupported: false,
  enableXfa: false,
  disableFontFace: true,
  useSystemFonts: false,
  disableAutoFetch: true,
  disableStream: true,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  verbosity: 0,
  standardFontDataUrl: `${path.join(pdfjsDir, 'standard_fonts')}${path.sep}`,
  cMapUrl: `${path.join(pdfjsDir, 'cmaps')}${path.sep}`,
  cMapPacked: true,
};

/** Items whose baselines differ by less than this (points) are one line: labels and filled-in values. */
const SAME_LINE = 3;

/** Text items -> reading-order lines, with a space wherever the gap between items is visible. */
function toLines(items, page) {
  const placed = items
    .filter((item) => typeof item.str === 'string' && item.str.trim() !== '')
    .map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups = [];
  for (const item of placed) {
    const group = groups.at(-1);
    if (group && Math.abs(group.y - item.y) <= SAME_LINE) group.items.push(item);
    else groups.push({ y: item.y, items: [item] });
  }
  return groups.map((group) => {
    const sorted = group.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of sorted) {
      text += item.x - end > 1.5 && text !== '' ? ` ${item.text}` : item.text;
      end = item.x + item.width;
    }
    return { page, text: text.replace(/\s+/g, ' ').trim() };
  });
}

/** getFieldObjects() groups widgets by name; the first one with a type speaks for the field. */
function toFields(fieldObjects) {
  if (!fieldObjects) return [];
  const fields = [];
  for (const [name, widgets] of Object.entries(fieldObjects)) {
    const widget = widgets.find((w) => w.type);
    if (!widget) continue;
    const value = widget.value;
    const checked = widget.type === 'checkbox' || widget.type === 'radiobutton' ? value !== undefined && value !== null && value !== 'Off' && value !== '' : null;
    fields.push({ name, type: widget.type, value: typeof value === 'string' ? value : value == null ? null : String(value), checked, page: widget.page ?? null });
  }
  return fields;
}

function refusal(code, detail) {
  return { ok: false, refusal: { code, detail } };
}

/** What a viewer could run from this file: refused. */
const EXECUTABLE_NAME = /\.(exe|com|scr|pif|bat|cmd|msi|msp|dll|cpl|jar|js|jse|vbs|vbe|wsf|wsh|hta|ps1|psm1|lnk|reg|app|sh|command|appimage|deb|rpm)$/i;
const startsWithBytes = (content, ...magic) => magic.every((b, i) => content?.[i] === b);

function isExecutable(name, content) {
  if (EXECUTABLE_NAME.test(name)) return true;
  // Windows programs ("MZ"), Linux ones (ELF), Mac ones (Mach-O), scripts ("#!").
  return startsWithBytes(content, 0x4d, 0x5a) || startsWithBytes(content, 0x7f, 0x45, 0x4c, 0x46) || startsWithBytes(content, 0xcf, 0xfa, 0xed, 0xfe) || startsWithBytes(content, 0x23, 0x21);
}

/** Files inside the PDF: the document's own list and file-attachment notes on its pages. */
async function attachmentsOf(doc, annotations) {
  const listed = Object.values((await doc.getAttachments()) ?? {});
  const onPages = annotations.filter((a) => a.file).map((a) => a.file);
  return [...listed, ...onPages].map((file) => ({ name: String(file.filename ?? file.rawFilename ?? 'unnamed'), executable: isExecutable(String(file.filename ?? ''), file.content) }));
}

/** Links and buttons: a web address or a form that sends its fields somewhere are worth a look. */
function actionsOf(names, annotations) {
  // pdf.js reports a Launch action as a link to the file it starts: a program's name gives it away
  // even where the scan could not see the name (an object stream packed with another filter).
  const launches = annotations.some((a) => typeof a.unsafeUrl === 'string' && !/^(https?|mailto):/i.test(a.unsafeUrl) && EXECUTABLE_NAME.test(a.unsafeUrl));
  return {
    launch: names.has('Launch') || launches,
    uri: names.has('URI') || annotations.some((a) => typeof a.url === 'string' || typeof a.unsafeUrl === 'string'),
    submitForm: names.has('SubmitForm') || names.has('ImportData'),
  };
}

async function readPages(doc) {
  const lines = [];
  const annotations = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    lines.push(...toLines((await page.getTextContent()).items, number));
    annotations.push(...(await page.getAnnotations({ intent: 'display' })));
    page.cleanup();
  }
  return { lines, annotations };
}

async function readOpen(doc, names, maxPages) {
  // Even a file that opens without a password may be locked against changes: checked first, as
  // its text would be decrypted with a key staff never typed.
  if ((await doc.getMetadata()).info?.EncryptFilterName) return refusal('encrypted');
  if (doc.numPages < 1) return refusal('damaged', 'no pages');
  if (doc.numPages > maxPages) return refusal('too_many_pages', String(doc.numPages));
  const { lines, annotations } = await readPages(doc);
  const actions = actionsOf(names, annotations);
  if (actions.launch) return refusal('launch');
  const attachments = await attachmentsOf(doc, annotations);
  const program = attachments.find((a) => a.executable);
  if (program) return refusal('executable', program.name);
  // An embedded file pdf.js cannot list is still a file inside: said, unnamed.
  if (attachments.length === 0 && (names.has('EmbeddedFile') || names.has('EmbeddedFiles'))) attachments.push({ name: '', executable: false });
  const fields = toFields(await doc.getFieldObjects());
  const hasJavaScript = Boolean(await doc.getJSActions()) || (await doc.hasJSActions()) || names.has('JavaScript') || names.has('JS');
  return { ok: true, extract: { pageCount: doc.numPages, lines, fields, hasJavaScript, actions: { uri: actions.uri, submitForm: actions.submitForm }, attachments: attachments.map((a) => a.name) } };
}

async function read(bytes, maxPages) {
  let names;
  try {
    names = scanPdf(bytes).names;
  } catch (error) {
    if (error instanceof DecodeBudgetExceeded) return refusal('too_complex', 'decoded');
    throw error;
  }
  const task = getDocument({ ...OPTIONS, data: bytes });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    if (error?.name === 'PasswordException') return refusal('encrypted');
    return refusal('damaged', String(error?.message ?? error));
  }
  try {
    return await readOpen(doc, names, maxPages);
  } catch (error) {
    return refusal('damaged', String(error?.message ?? error));
  } finally {
    await task.destroy();
  }
}

parentPort.on('message', async (job) => {
  const result = await read(job.bytes, job.maxPages).catch((error) => refusal('damaged', String(error?.message ?? error)));
  parentPort.postMessage({ id: job.id, ...result });
});
