// Reads one untrusted email message at a time (.eml with mailparser, .msg with msgreader) for the
// reader pool (pdf/pdf-pool.ts), inside a worker thread under the PDF reader's time and memory
// limits, so a hostile message can take down only this thread. Plain JavaScript for the same
// reason as read-pdf.worker.mjs: Vitest, tsx and the Electron bundle each start it from its path.
import msgreaderModule from '@kenjiuno/msgreader';
import { simpleParser } from 'mailparser';
import { Buffer } from 'node:buffer';
import { parentPort } from 'node:worker_threads';

const MsgReader = msgreaderModule.default ?? msgreaderModule;
const MB = 1024 * 1024;
/**
 * What all of a message's attachments may add up to once decoded, checked before any is read: an
 * Outlook file can point a thousand attachments at the same bytes, so a 2 MB file would become
 * gigabytes. The PDF reader's decode budget for a whole file.
 */
const ATTACHMENT_BUDGET = 128 * MB;
/** More parts than any office email has; past it the message is built to cause trouble. */
const MAX_ATTACHMENTS = 200;

const refusal = (code, detail) => ({ ok: false, refusal: { code, detail } });

class BudgetExceeded extends Error {}

/** "C:\\Users\\x\\..\\form.pdf" -> "form.pdf": a name from a message never chooses a folder. */
export function baseName(name) {
  const last = String(name ?? '').split(/[\\/]/).filter((part) => part !== '' && part !== '.' && part !== '..').at(-1) ?? '';
  // Control characters and a drive letter's colon are no part of a file name either.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return last.replace(/[\u0000-\u001f\u007f:]/g, '').trim().slice(0, 200);
}

const isoOf = (value) => {
  const date = value instanceof Date ? value : value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
};

function addresses(field) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((f) => f.value ?? []).flatMap((a) => (a.group ? a.group : [a])).map((a) => ({ address: String(a.address ?? '').toLowerCase(), name: String(a.name ?? '') })).filter((a) => a.address);
}

function budget(attachments) {
  if (attachments.length > MAX_ATTACHMENTS) throw new BudgetExceeded();
  let total = 0;
  for (const a of attachments) {
    total += a.size ?? 0;
    if (total > ATTACHMENT_BUDGET) throw new BudgetExceeded();
  }
}

/** Forwarded messages inside a .eml: mailparser reads their parts in line with the rest. */
function countForwarded(bytes) {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (head.match(/^content-type:\s*message\/rfc822/gim) ?? []).length;
}

async function readEml(bytes) {
  const parsed = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
    maxHtmlLengthToParse: MB,
  });
  if (parsed.headers.size === 0 || (!parsed.from && !parsed.subject && !parsed.date && parsed.attachments.length === 0)) return refusal('broken');
  budget(parsed.attachments);
  const forwarded = countForwarded(bytes);
  return {
    ok: true,
    extract: {
      format: 'eml',
      from: addresses(parsed.from)[0] ?? null,
      to: addresses(parsed.to),
      date: isoOf(parsed.date),
      subject: parsed.subject ?? null,
      attachments: parsed.attachments.map((a) => ({ rawName: String(a.filename ?? ''), filename: baseName(a.filename), contentType: String(a.contentType ?? 'application/octet-stream').toLowerCase(), bytes: new Uint8Array(a.content), nested: false })),
      // Read in line by mailparser: said, with how many; deeper ones are not told apart.
      forwarded: forwarded > 0 ? [{ name: '', read: true }] : [],
      unopened: [],
    },
  };
}

function msgAddress(data) {
  const fromHeaders = /^from:.*<([^>]+)>/im.exec(data.headers ?? '')?.[1];
  const smtp = data.senderSmtpAddress || (data.senderAddressType === 'SMTP' ? data.senderEmail : '') || fromHeaders || data.senderEmail || '';
  return smtp ? { address: smtp.toLowerCase(), name: data.senderName ?? '' } : null;
}

function msgAttachments(reader, data, nested) {
  const metas = data.attachments ?? [];
  const files = metas.filter((m) => !m.innerMsgContent);
  budget(files.map((m) => ({ size: m.contentLength ?? 0 })));
  return files.map((meta) => {
    const got = reader.getAttachment(meta);
    const name = got.fileName ?? meta.fileName ?? meta.fileNameShort ?? meta.name ?? '';
    return { rawName: String(name), filename: baseName(name), contentType: String(meta.attachMimeTag ?? 'application/octet-stream').toLowerCase(), bytes: new Uint8Array(got.content), nested };
  });
}

function readMsg(bytes) {
  const reader = new MsgReader(bytes);
  const data = reader.getFileData();
  if (data.error || data.dataType !== 'msg') return refusal('broken', data.error);
  const attachments = msgAttachments(reader, data, false);
  const forwarded = [];
  const unopened = [];
  // One level: a forwarded message's own attachments are read; a message inside it is only named.
  for (const meta of (data.attachments ?? []).filter((m) => m.innerMsgContent)) {
    const inner = meta.innerMsgContentFields ?? {};
    const name = baseName(`${inner.subject ?? meta.name ?? 'message'}.msg`);
    forwarded.push({ name, read: true });
    const innerReader = { getAttachment: (m) => reader.getAttachment(m) };
    attachments.push(...msgAttachments(innerReader, inner, true));
    for (const deeper of (inner.attachments ?? []).filter((m) => m.innerMsgContent)) unopened.push(baseName(`${deeper.innerMsgContentFields?.subject ?? 'message'}.msg`));
    budget(attachments.map((a) => ({ size: a.bytes.byteLength })));
  }
  const to = (data.recipients ?? []).filter((r) => r.recipType === 'to' || r.recipType === undefined).map((r) => ({ address: String(r.smtpAddress || r.email || '').toLowerCase(), name: r.name ?? '' })).filter((r) => r.address.includes('@'));
  return {
    ok: true,
    extract: { format: 'msg', from: msgAddress(data), to, date: isoOf(data.clientSubmitTime ?? data.messageDeliveryTime ?? /^date:\s*(.+)$/im.exec(data.headers ?? '')?.[1]), subject: data.subject ?? null, attachments, forwarded, unopened },
  };
}

/** An Outlook file is a compound document (D0 CF 11 E0); anything else is taken for MIME. */
const isCompoundFile = (b) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

async function read(bytes) {
  try {
    return isCompoundFile(bytes) ? readMsg(bytes) : await readEml(bytes);
  } catch (error) {
    if (error instanceof BudgetExceeded) return refusal('too_complex', 'attachments');
    return refusal('broken', String(error?.message ?? error));
  }
}

parentPort?.on('message', async (job) => {
  const result = await read(job.bytes);
  const transfer = result.ok ? result.extract.attachments.map((a) => a.bytes.buffer) : [];
  parentPort.postMessage({ id: job.id, ...result }, [...new Set(transfer)]);
});
