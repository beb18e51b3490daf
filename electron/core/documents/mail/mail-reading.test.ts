import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailPool } from './mail-pool';
import { readMessage } from './read-message';
import { emlOf, msgBomb, msgOf } from './test-support/mail-fixtures';

const pool = createMailPool({ size: 1 });
afterAll(() => pool.close());

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'test-support', 'fixtures', name)));
const pdf = (label: string) => `%PDF-1.4\n% ${label}\n%%EOF\n`;
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('reading an email message in a worker', () => {
  it('reads an .eml: sender, recipients, date, subject and its two PDFs', async () => {
    const eml = await emlOf({ from: 'James Nguyen <James.Nguyen@delta.example.org>', subject: 'Forms for Ngozi', attachments: [{ filename: 'Staff Verification.pdf', content: pdf('sv') }, { filename: 'Agreement.pdf', content: pdf('eua') }] });
    const reading = await readMessage(pool, eml);
    expect(reading.envelope).toEqual({
      from: { address: 'james.nguyen@delta.example.org', name: 'James Nguyen' },
      to: [{ address: 'hmis@county.example.gov', name: 'HMIS Office' }],
      sentAt: '2026-11-02T15:04:00.000Z',
      subject: 'Forms for Ngozi',
    });
    expect(reading.pdfs.map((p) => [p.fileName, new TextDecoder().decode(p.bytes)])).toEqual([
      ['Staff Verification.pdf', pdf('sv')],
      ['Agreement.pdf', pdf('eua')],
    ]);
    expect(reading.notes).toEqual([]);
  });

  it('reads an Outlook .msg: the same envelope and PDFs', async () => {
    const msg = msgOf({ from: 'rosa.diaz@delta.example.org', to: 'hmis@county.example.gov', subject: 'Agreement', attachments: [{ filename: 'EUA - Rosa.pdf', content: pdf('eua'), contentType: 'application/pdf' }] });
    const reading = await readMessage(pool, msg);
    expect(reading.envelope).toEqual({ from: { address: 'rosa.diaz@delta.example.org', name: '' }, to: [{ address: 'hmis@county.example.gov', name: '' }], sentAt: '2026-11-02T15:04:00.000Z', subject: 'Agreement' });
    expect(reading.pdfs.map((p) => p.fileName)).toEqual(['EUA - Rosa.pdf']);
  });

  it('refuses a message with no PDF, naming what it held', async () => {
    await expect(readMessage(pool, fixture('attachmentFiles.msg'))).rejects.toThrow('The email holds no PDF: it holds 3 images — ask for the signed PDFs.');
    const eml = await emlOf({ attachments: [1, 2, 3].map((n) => ({ filename: `scan${n}.png`, content: png })).concat([{ filename: 'forms.docx', content: png }]) });
    await expect(readMessage(pool, eml)).rejects.toThrow('The email holds no PDF: it holds 3 images and a Word document — ask for the signed PDFs.');
    await expect(readMessage(pool, fixture('Simple.msg'))).rejects.toThrow('The email holds no PDF, nothing is attached to it — ask for the signed PDFs.');
    await expect(readMessage(pool, await emlOf({}))).rejects.toThrow(/nothing is attached to it/);
  });

  it('reads a forwarded message one level deep, and says so', async () => {
    await expect(readMessage(pool, fixture('msgInMsg.msg'))).rejects.toThrow('The email holds no PDF: it holds an image and a forwarded message — ask for the signed PDFs.');
    const inner = await emlOf({ subject: 'Fwd: forms', attachments: [{ filename: 'sv.pdf', content: pdf('inner') }] });
    const outer = await emlOf({ subject: 'Fwd', attachments: [{ filename: 'Forms.eml', content: inner, contentType: 'message/rfc822' }] });
    const reading = await readMessage(pool, outer);
    expect(reading.pdfs.map((p) => p.fileName)).toEqual(['sv.pdf']);
    expect(reading.notes).toEqual(['The email carries a forwarded message; its attachments were read one level deep, with the rest.']);
  });

  it('names a ZIP attachment and leaves it unopened', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const both = await emlOf({ attachments: [{ filename: 'sv.pdf', content: pdf('sv') }, { filename: 'forms.zip', content: zip }] });
    expect((await readMessage(pool, both)).notes).toEqual(['“forms.zip” is a ZIP archive and was not opened: if the forms are inside, ask the sender to attach the PDFs themselves.']);
    await expect(readMessage(pool, await emlOf({ attachments: [{ filename: 'forms.zip', content: zip }] }))).rejects.toThrow('The email holds no PDF: it holds a ZIP archive — ask for the signed PDFs.');
  });

  it('refuses what is not a message at all, or a broken Outlook file', async () => {
    await expect(readMessage(pool, new Uint8Array([0, 1, 2, 0xff, 0xfe, 9, 9]))).rejects.toThrow(/^This file is not an email message that can be read/);
    const msg = msgOf({ attachments: [{ filename: 'a.pdf', content: pdf('a') }] });
    await expect(readMessage(pool, msg.subarray(0, 1500))).rejects.toThrow(/^This file is not an email message that can be read|^The email message could not be read/);
    await expect(readMessage(pool, new Uint8Array(0))).rejects.toThrow('The email file is empty (0 bytes). Save the message from the mail program again.');
  });

  it('strips folders from an attachment name and says it did', async () => {
    const eml = await emlOf({ attachments: [{ filename: '..\\..\\Windows\\System32\\sv.pdf', content: pdf('sv') }] });
    const reading = await readMessage(pool, eml);
    expect(reading.pdfs.map((p) => p.fileName)).toEqual(['sv.pdf']);
    expect(reading.notes).toEqual(['The attachment “..\\..\\Windows\\System32\\sv.pdf” named folders; it was kept as “sv.pdf”, without them.']);
    const msg = msgOf({ attachments: [{ filename: '/etc/cron.d/agreement.pdf', content: pdf('x'), contentType: 'application/pdf' }] });
    expect((await readMessage(pool, msg)).pdfs.map((p) => p.fileName)).toEqual(['agreement.pdf']);
  });

  it('refuses a 2 MB Outlook file that would expand to 1.2 GB, staying under 1 GB of memory', { timeout: 60_000 }, async () => {
    const bomb = msgBomb(700);
    expect(bomb.byteLength).toBeLessThan(2.5 * 1024 * 1024);
    await expect(readMessage(pool, bomb)).rejects.toMatchObject({ refusal: 'too_complex', message: expect.stringMatching(/^The email message would need more memory to read than is allowed/) });
    expect(process.memoryUsage.rss()).toBeLessThan(1024 * 1024 * 1024);
    // The pool goes on reading after it.
    expect((await readMessage(pool, await emlOf({ attachments: [{ filename: 'a.pdf', content: pdf('a') }] }))).pdfs).toHaveLength(1);
  });

  it('refuses a message larger than any email the office is sent', async () => {
    await expect(readMessage(pool, new Uint8Array(46 * 1024 * 1024))).rejects.toThrow('The email file is 46 MB, over the 45 MB an email may be. Save its PDF attachments from the mail program and drop those instead.');
  });
});
