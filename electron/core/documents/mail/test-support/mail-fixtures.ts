/**
 * Real email files for tests and the bench: .eml written by nodemailer's MailComposer (what a mail
 * program saves), .msg written as an Outlook compound file with msgreader's own CFB burner.
 */
import msgreaderModule from '@kenjiuno/msgreader';
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

void msgreaderModule;

export interface FixtureAttachment {
  filename: string;
  content: Uint8Array | string;
  contentType?: string;
}

export interface FixtureMessage {
  from?: string;
  to?: string;
  subject?: string;
  date?: Date;
  text?: string;
  attachments?: FixtureAttachment[];
}

/** A real MIME message, as Thunderbird or Apple Mail would save it. */
export async function emlOf(message: FixtureMessage): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: message.from ?? 'Rosa Diaz <rosa.diaz@delta.example.org>',
    to: message.to ?? 'HMIS Office <hmis@county.example.gov>',
    subject: message.subject ?? 'Signed forms',
    date: message.date ?? new Date('2026-11-02T15:04:00Z'),
    text: message.text ?? 'Please find the signed forms attached.',
    attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, content: typeof a.content === 'string' ? a.content : Buffer.from(a.content), ...(a.contentType ? { contentType: a.contentType } : {}) })),
  });
  const built = await new Promise<Buffer>((resolve, reject) => composer.compile().build((error, out) => (error ? reject(error) : resolve(out))));
  return new Uint8Array(built);
}

const utf16 = (text: string) => new Uint8Array(Buffer.from(`${text}`, 'utf16le'));
const bytesOf = (c: Uint8Array | string) => (typeof c === 'string' ? new Uint8Array(Buffer.from(c)) : c);

type Node = { name: string; type: TypeEnum; data?: Uint8Array; children?: Node[] };

const doc = (name: string, data: Uint8Array): Node => ({ name, type: TypeEnum.DOCUMENT, data });
const dir = (name: string, children: Node[]): Node => ({ name, type: TypeEnum.DIRECTORY, children });
const hex8 = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');

function flatten(root: Node): Entry[] {
  const entries: Entry[] = [];
  const add = (node: Node): number => {
    const index = entries.length;
    const entry: Entry = { name: node.name, type: node.type, length: node.data?.length ?? 0, ...(node.data ? { binaryProvider: () => node.data as Uint8Array } : {}), ...(node.children ? { children: [] } : {}) };
    entries.push(entry);
    for (const child of node.children ?? []) entry.children?.push(add(child));
    return index;
  };
  add(root);
  return entries;
}

function messageNodes(message: FixtureMessage): Node[] {
  const from = /<([^>]+)>/.exec(message.from ?? '')?.[1] ?? message.from ?? 'rosa.diaz@delta.example.org';
  const to = /<([^>]+)>/.exec(message.to ?? '')?.[1] ?? message.to ?? 'hmis@county.example.gov';
  const date = (message.date ?? new Date('2026-11-02T15:04:00Z')).toUTCString();
  const headers = `From: <${from}>\r\nTo: <${to}>\r\nDate: ${date}\r\nSubject: ${message.subject ?? 'Signed forms'}\r\n\r\n`;
  return [
    doc('__substg1.0_0037001F', utf16(message.subject ?? 'Signed forms')),
    doc('__substg1.0_0C1E001F', utf16('SMTP')),
    doc('__substg1.0_0C1F001F', utf16(from)),
    doc('__substg1.0_5D01001F', utf16(from)),
    doc('__substg1.0_007D001F', utf16(headers)),
    doc('__substg1.0_1000001F', utf16(message.text ?? 'Please find the signed forms attached.')),
    dir('__recip_version1.0_#00000000', [doc('__substg1.0_39FE001F', utf16(to)), doc('__substg1.0_3003001F', utf16(to))]),
    ...(message.attachments ?? []).map((a, i) =>
      dir(`__attach_version1.0_#${hex8(i)}`, [doc('__substg1.0_37010102', bytesOf(a.content)), doc('__substg1.0_3707001F', utf16(a.filename)), doc('__substg1.0_370E001F', utf16(a.contentType ?? 'application/octet-stream'))]),
    ),
  ];
}

/** A small Outlook message (what dragging a message out of Outlook saves). */
export function msgOf(message: FixtureMessage): Uint8Array {
  return burn(flatten({ name: 'Root Entry', type: TypeEnum.ROOT, children: messageNodes(message) }));
}

/**
 * A 2 MB Outlook file whose attachments all point at the same bytes: read naively, each one is
 * another copy, and the message becomes `copies` × 1.75 MB. The CFB directory is patched after burning.
 */
export function msgBomb(copies = 700): Uint8Array {
  const payload = new Uint8Array(1.75 * 1024 * 1024).fill(0x41);
  const attachments = Array.from({ length: copies }, (_, i) => ({ filename: `copy-${i}.pdf`, content: i === 0 ? payload : new Uint8Array(0), contentType: 'application/pdf' }));
  const file = msgOf({ subject: 'forms', attachments });
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const sectorSize = 1 << view.getUint16(30, true);
  const dirStart = view.getUint32(48, true);
  const fat = (sector: number) => {
    // The first 109 FAT sectors are listed in the header (enough for a file this size).
    const perSector = sectorSize / 4;
    const fatSector = view.getUint32(76 + 4 * Math.floor(sector / perSector), true);
    return view.getUint32((fatSector + 1) * sectorSize + 4 * (sector % perSector), true);
  };
  const entries: { offset: number; name: string }[] = [];
  for (let sector = dirStart; sector < 0xfffffffa; sector = fat(sector)) {
    for (let e = 0; e < sectorSize / 128; e += 1) {
      const offset = (sector + 1) * sectorSize + e * 128;
      const nameLength = view.getUint16(offset + 64, true);
      entries.push({ offset, name: Buffer.from(file.subarray(offset, offset + Math.max(0, nameLength - 2))).toString('utf16le') });
    }
  }
  const data = entries.filter((e) => e.name === '__substg1.0_37010102');
  const first = data[0] as { offset: number };
  const start = view.getUint32(first.offset + 116, true);
  for (const entry of data.slice(1)) {
    view.setUint32(entry.offset + 116, start, true);
    view.setUint32(entry.offset + 120, payload.length, true);
  }
  return file;
}
