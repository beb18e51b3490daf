import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../../shared/domain/person';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import { arrangePerson, form, formPerson } from '../test-support/document-fixtures';
import { makeSampleForm } from '../samples/sample-forms';
import { emlOf, msgOf } from './test-support/mail-fixtures';

let t: TempCore;
let ngozi: Person;

beforeAll(async () => {
  t = await tempCore({ documents: { pool: { size: 2 } } });
  ngozi = await arrangePerson(t.core);
});
afterAll(() => t.dispose());

const SUPERVISOR = 'James Nguyen <james.nguyen@delta.example.org>';

describe('documents straight from email', () => {
  it('attaches both PDFs of an .eml dropped on a person, with the sender kept and the original stored', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Amara', lastName: 'Diallo' });
    const eml = await emlOf({
      from: SUPERVISOR,
      subject: 'Forms for Amara Diallo',
      attachments: [
        { filename: 'Staff Verification.pdf', content: await form(person, { kind: 'staff_verification' }) },
        { filename: 'End User Agreement.pdf', content: await form(person, { kind: 'end_user_agreement' }) },
      ],
    });
    const result = await t.core.handlers['documents.attachMessage']({ fileName: 'Forms for Amara.eml', bytes: eml, personId: person.id });
    expect(result.parts.map((p) => [p.fileName, p.document?.kind, p.error])).toEqual([
      ['Staff Verification.pdf', 'staff_verification', null],
      ['End User Agreement.pdf', 'end_user_agreement', null],
    ]);
    const sv = result.parts[0]?.document;
    expect(sv?.message).toMatchObject({ fileName: 'Forms for Amara.eml', format: 'eml', from: { address: 'james.nguyen@delta.example.org', name: 'James Nguyen' }, to: [{ address: 'hmis@county.example.gov', name: 'HMIS Office' }], sentAt: '2026-11-02T15:04:00.000Z', subject: 'Forms for Amara Diallo' });
    expect(sv?.findings.find((f) => f.key === 'sender')).toEqual({ key: 'sender', status: 'ok', label: 'Sender', message: 'Sent by James Nguyen <james.nguyen@delta.example.org>, the supervisor’s address on record.' });
    // The agreement was sent by the supervisor too: the agency's domain, not the user's own address.
    expect(result.parts[1]?.document?.findings.find((f) => f.key === 'sender')?.message).toBe('Sent by James Nguyen <james.nguyen@delta.example.org>, from the agency’s domain (delta.example.org).');
    const original = await t.core.handlers['documents.messageFile']({ id: sv?.message?.id ?? 0 });
    expect(original).toMatchObject({ fileName: 'Forms for Amara.eml' });
    expect(Buffer.from(original.bytes).equals(Buffer.from(eml))).toBe(true);
    const got = await t.core.handlers['documents.get']({ id: sv?.id ?? 0 });
    expect(got.message?.subject).toBe('Forms for Amara Diallo');
    const history = await t.core.handlers['people.history']({ id: person.id });
    expect(history.find((h) => h.action === 'document.attached')?.after).toMatchObject({ from: 'james.nguyen@delta.example.org', subject: 'Forms for Amara Diallo', message: 'Forms for Amara.eml' });
    // `check --repair` takes the stored original for a file a row names, not an orphan to delete.
    const check = await t.core.checkFiles({ repair: true });
    expect(check).toMatchObject({ ok: true, orphans: 0, removed: 0, problems: [] });
    expect((await t.core.handlers['documents.messageFile']({ id: sv?.message?.id ?? 0 })).bytes.byteLength).toBe(eml.byteLength);
  });

  it('reads an Outlook .msg the same way', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Rosa', lastName: 'Diaz' });
    const msg = msgOf({ from: 'rosa.diaz@delta.example.org', subject: 'My agreement', attachments: [{ filename: 'EUA.pdf', content: await form(person, { kind: 'end_user_agreement' }), contentType: 'application/pdf' }] });
    const result = await t.core.handlers['documents.attachMessage']({ fileName: 'My agreement.msg', bytes: msg, personId: person.id });
    expect(result.parts[0]?.document).toMatchObject({ kind: 'end_user_agreement', message: { format: 'msg', from: { address: 'rosa.diaz@delta.example.org' }, subject: 'My agreement' } });
    expect(result.parts[0]?.document?.findings.find((f) => f.key === 'sender')?.message).toBe('Sent by rosa.diaz@delta.example.org, Rosa Diaz’s own address.');
  });

  it('says a sender outside the agency’s domain is for staff to judge', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Kofi', lastName: 'Mensah' });
    const eml = await emlOf({ from: 'kofi.m1987@gmail.com', attachments: [{ filename: 'sv.pdf', content: await form(person, { kind: 'staff_verification' }) }] });
    const result = await t.core.handlers['documents.attachMessage']({ fileName: 'sv.eml', bytes: eml, personId: person.id });
    expect(result.parts[0]?.document?.findings.find((f) => f.key === 'sender')).toEqual({
      key: 'sender',
      status: 'check',
      label: 'Sender',
      message: "Sent from gmail.com, not the agency's domain (delta.example.org): kofi.m1987@gmail.com. Make sure the form really comes from the agency.",
    });
  });

  it('lets a Staff Verification from the supervisor’s address on record raise a name-only match to certain', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Lucía', lastName: 'Fernández' });
    // The form gives an email that is not on record: only the name and agency match (not certain).
    const pdf = await makeSampleForm({ kind: 'staff_verification', person: { ...formPerson(person), email: 'lucia.home@example.net' } });
    const alone = await t.core.handlers['documents.attach']({ fileName: 'sv.pdf', bytes: pdf });
    expect(alone.document).toBeNull();
    expect(alone.recognition.candidates[0]).toMatchObject({ personId: person.id, confidence: 0.85 });
    const fromSupervisor = await t.core.handlers['documents.attachMessage']({ fileName: 'sv.eml', bytes: await emlOf({ from: SUPERVISOR, attachments: [{ filename: 'sv.pdf', content: pdf }] }) });
    expect(fromSupervisor.parts[0]?.recognition?.candidates[0]).toMatchObject({ personId: person.id, reason: 'name and agency on the form, sent from the supervisor’s address on record' });
    expect(fromSupervisor.parts[0]?.recognition?.candidates[0]?.confidence).toBeCloseTo(0.95);
    expect(fromSupervisor.parts[0]?.document).toMatchObject({ personId: person.id, kind: 'staff_verification' });
  });

  it('refuses one PDF over the size limit and attaches the other', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Big', lastName: 'Attachment' });
    const huge = new Uint8Array(30 * 1024 * 1024).fill(0x20);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
    huge.set(new TextEncoder().encode('\n%%EOF\n'), huge.length - 7);
    const eml = await emlOf({ from: SUPERVISOR, attachments: [{ filename: 'scan.pdf', content: huge }, { filename: 'sv.pdf', content: await form(person, { kind: 'staff_verification' }) }] });
    const result = await t.core.handlers['documents.attachMessage']({ fileName: 'big.eml', bytes: eml, personId: person.id });
    expect(result.parts[0]).toMatchObject({ fileName: 'scan.pdf', document: null, error: { code: 'invalid', message: 'The file is 30 MB, over the 25 MB limit. Ask the sender for a smaller copy (a scan in black and white at 200–300 dpi is plenty), or raise the limit in Settings.' } });
    expect(result.parts[1]?.document?.kind).toBe('staff_verification');
  });

  it('attaches the same message once: a second drop says each PDF is already attached', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Twice', lastName: 'Sent' });
    const eml = await emlOf({ from: SUPERVISOR, attachments: [{ filename: 'sv.pdf', content: await form(person, { kind: 'staff_verification' }) }] });
    await t.core.handlers['documents.attachMessage']({ fileName: 'a.eml', bytes: eml, personId: person.id });
    const again = await t.core.handlers['documents.attachMessage']({ fileName: 'a.eml', bytes: eml, personId: person.id });
    expect(again.parts[0]?.error).toMatchObject({ code: 'duplicate', message: expect.stringMatching(/^This file is already attached to Twice Sent/) });
  });

  it('refuses a message with no PDF with the sentence that names what it held', async () => {
    const eml = await emlOf({ attachments: [{ filename: 'photo1.jpg', content: 'x' }, { filename: 'photo2.jpg', content: 'y' }, { filename: 'photo3.jpg', content: 'z' }, { filename: 'form.docx', content: 'w' }] });
    await expect(t.core.handlers['documents.attachMessage']({ fileName: 'x.eml', bytes: eml, personId: ngozi.id })).rejects.toThrow('The email holds no PDF: it holds 3 images and a Word document — ask for the signed PDFs.');
  });

  it('reads a message dropped outside a record without writing anything', async () => {
    const eml = await emlOf({ from: 'ngozi.okafor@delta.example.org', attachments: [{ filename: 'eua.pdf', content: await form(ngozi, { kind: 'end_user_agreement' }) }] });
    const read = await t.core.handlers['documents.readMessage']({ fileName: 'eua.eml', bytes: eml });
    expect(read.message).toBeNull();
    expect(read.parts[0]?.recognition?.candidates[0]).toMatchObject({ personId: ngozi.id, reason: 'the new user’s email on the form, sent from their own address' });
    expect(await t.core.handlers['documents.list']({ personId: ngozi.id })).toEqual([]);
  });
});
