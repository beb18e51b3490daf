import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MessageOrigin } from '../attach-service';

/**
 * A sample supervisor's email carrying the forms, as `demo seed` shows one: the documents keep its
 * sender and subject, and the original opens from the review screen.
 */
export async function sampleEmailOrigin(from: { name: string; address: string }, subject: string, sentAt: string, pdfs: { fileName: string; bytes: Uint8Array }[]): Promise<MessageOrigin> {
  const composer = new MailComposer({
    from: { name: from.name, address: from.address },
    to: { name: 'HMIS Office', address: 'hmis@county.example.gov' },
    subject,
    date: new Date(sentAt),
    text: 'Please find the signed forms attached.',
    attachments: pdfs.map((p) => ({ filename: p.fileName, content: Buffer.from(p.bytes), contentType: 'application/pdf' })),
  });
  const built = await new Promise<Buffer>((resolve, reject) => composer.compile().build((error, out) => (error ? reject(error) : resolve(out))));
  const bytes = new Uint8Array(built);
  const envelope = { from: { address: from.address.toLowerCase(), name: from.name }, to: [{ address: 'hmis@county.example.gov', name: 'HMIS Office' }], sentAt: new Date(sentAt).toISOString(), subject };
  return { bytes, message: { fileName: `${subject}.eml`, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, format: 'eml', envelope } };
}
