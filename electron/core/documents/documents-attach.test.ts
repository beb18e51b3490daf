import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentAttachResult, Finding } from '../../../shared/domain/document';
import type { Person } from '../../../shared/domain/person';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { arrangePerson, flattened, form } from './test-support/document-fixtures';

let t: TempCore;
let ngozi: Person;
let tomas: Person;

beforeAll(async () => {
  t = await tempCore({ documents: { pool: { size: 2 } } });
  ngozi = await arrangePerson(t.core);
  tomas = await arrangePerson(t.core, { firstName: 'Tomás', lastName: 'Herrera', level: 'Read Only' });
});
afterAll(() => t.dispose());

const statusOf = (result: { findings: Finding[] } | null | undefined) => Object.fromEntries((result?.findings ?? []).map((f) => [f.key, f.status]));

async function attach(person: Person | null, bytes: Uint8Array, fileName = 'form.pdf', kind?: 'staff_verification' | 'end_user_agreement'): Promise<DocumentAttachResult> {
  return t.core.handlers['documents.attach']({ fileName, bytes, ...(person ? { personId: person.id } : {}), ...(kind ? { kind } : {}) });
}

describe('recognising and attaching the two forms', () => {
  it('reads a printed Staff Verification: kind, values, and every check passing', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Amara', lastName: 'Diallo' });
    const result = await attach(person, await form(person, { kind: 'staff_verification', style: 'flat' }), 'Staff Verification - Amara.pdf');
    expect(result.recognition).toMatchObject({
      kind: 'staff_verification',
      pageCount: 1,
      hasText: true,
      values: { userName: 'Amara Diallo', userEmail: 'amara.diallo@delta.example.org', supervisorName: 'James Nguyen', accessLevel: 'Direct Service Staff with Assessments', agency: 'Delta Recovery Services' },
    });
    expect(result.document).toMatchObject({ personId: person.id, kind: 'staff_verification', status: 'in_review', fileName: 'Staff Verification - Amara.pdf', uploadedBy: 'test.operator' });
    expect(statusOf(result.document)).toEqual({ signature: 'ok', attestation: 'ok', name: 'ok', accessLevel: 'ok' });
    expect(result.document?.findings.find((f) => f.key === 'signature')?.message).toBe('Signed: /s/ James Nguyen');
    expect((await t.core.handlers['people.get']({ id: person.id })).stage).toBe('documents_in_review');
    expect(await t.core.files.has(result.document?.sha256 ?? '')).toBe(true);
    const history = await t.core.handlers['people.history']({ id: person.id });
    expect(history[0]).toMatchObject({ action: 'document.attached', after: { documentId: result.document?.id, fileName: 'Staff Verification - Amara.pdf' }, note: 'Staff Verification for HMIS Access' });
  });

  it('flags a fillable Staff Verification left unsigned with the box unticked', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Li', lastName: 'Wei' });
    const result = await attach(person, await form(person, { kind: 'staff_verification', style: 'fields', signed: false, ticked: false }));
    expect(statusOf(result.document)).toEqual({ signature: 'problem', attestation: 'problem', name: 'ok', accessLevel: 'ok' });
    expect(result.document?.findings.find((f) => f.key === 'attestation')?.message).toBe('The background-check box is not ticked.');
  });

  it('reads a fillable form flattened into text, and asks for eyes on what text cannot show', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Sofia', lastName: 'Rossi' });
    const bytes = await flattened(await form(person, { kind: 'staff_verification', style: 'fields', ticked: true }));
    const result = await attach(person, bytes);
    // The tick became a drawn check mark, which has no text: "check by eye", never a false problem.
    expect(statusOf(result.document)).toEqual({ signature: 'ok', attestation: 'check', name: 'ok', accessLevel: 'ok' });
  });

  it('tells a printed unticked box and an unsigned line from a ticked, signed one', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Omar', lastName: 'Haddad' });
    const result = await t.core.handlers['documents.read']({ fileName: 'x.pdf', bytes: await form(person, { kind: 'staff_verification', style: 'flat', signed: false, ticked: false }) });
    expect(statusOf(result)).toEqual({ signature: 'check', attestation: 'check' });
    expect(result.findings.find((f) => f.key === 'signature')?.message).toMatch(/Nothing is typed on the signature line/);
  });

  it('reads the two-page End User Agreement with fields, and the wrong access level on a form', async () => {
    const agreement = await attach(tomas, await form(tomas, { kind: 'end_user_agreement', style: 'fields' }));
    expect(agreement.recognition).toMatchObject({ kind: 'end_user_agreement', pageCount: 2, values: { userName: 'Tomás Herrera' } });
    expect(statusOf(agreement.document)).toEqual({ signature: 'ok', name: 'ok' });
    const wrongLevel = await t.core.handlers['documents.read']({ fileName: 'sv.pdf', bytes: await form({ ...tomas, accessLevelName: 'Agency Manager' }, { kind: 'staff_verification' }) });
    expect(wrongLevel.kind).toBe('staff_verification');
    const attached = await attach(tomas, await form({ ...tomas, accessLevelName: 'Agency Manager' }, { kind: 'staff_verification' }));
    expect(attached.document?.findings.find((f) => f.key === 'accessLevel')).toMatchObject({ status: 'problem', message: 'The form asks for Agency Manager, but the record asks for Read Only.' });
  });

  it('says "no text found — check by eye" for a scan, and needs the kind chosen when the name does not tell', async () => {
    const scan = await form(ngozi, { kind: 'end_user_agreement', imageOnly: true });
    const read = await t.core.handlers['documents.read']({ fileName: 'scan0042.pdf', bytes: scan });
    expect(read).toMatchObject({ kind: 'other', hasText: false, pageCount: 2, candidates: [] });
    expect(read.findings).toEqual([expect.objectContaining({ key: 'text', status: 'check', message: 'No text found — this looks like a scan. Check the form by eye.' })]);
    await expect(attach(ngozi, scan, 'scan0042.pdf')).rejects.toThrow(/Choose whether this is a Staff Verification or an End User Agreement/);
    const byName = await t.core.handlers['documents.read']({ fileName: 'Okafor user agreement.pdf', bytes: scan });
    expect(byName.kind).toBe('end_user_agreement');
    const chosen = await attach(ngozi, scan, 'scan0042.pdf', 'end_user_agreement');
    expect(chosen.document).toMatchObject({ kind: 'end_user_agreement', status: 'in_review', pageCount: 2 });
  });

  it('attaches without a person only when the form names one with certainty', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Grace', lastName: 'Mensah' });
    const certain = await attach(null, await form(person, { kind: 'end_user_agreement' }));
    expect(certain.recognition.candidates[0]).toMatchObject({ personId: person.id, confidence: 0.97 });
    expect(certain.document).toMatchObject({ personId: person.id, kind: 'end_user_agreement' });
    // Same name, an email not on the list: a suggestion, not an attachment.
    const byName = await attach(null, await form({ ...person, email: 'grace.m@gmail.example.com' }, { kind: 'staff_verification' }));
    expect(byName.document).toBeNull();
    expect(byName.recognition.candidates).toEqual([expect.objectContaining({ personId: person.id, reason: 'name and agency on the form' })]);
    expect(byName.recognition.candidates[0]?.confidence).toBeLessThan(0.95);
    expect((await t.core.handlers['documents.list']({ personId: person.id })).length).toBe(1);
  });

  it('asks before attaching a form dropped on one person that names another, and writes nothing', async () => {
    const ravi = await arrangePerson(t.core, { firstName: 'Ravi', lastName: 'Patel' });
    const bytes = await form(tomas, { kind: 'end_user_agreement' });
    const asked = await attach(ravi, bytes, 'maybe-wrong.pdf');
    expect(asked.document).toBeNull();
    expect(asked.mismatch).toMatchObject({ personId: tomas.id, name: 'Tomás Herrera' });
    expect(await t.core.handlers['documents.list']({ personId: ravi.id })).toEqual([]);
    // A form naming the person it was dropped on is attached as before.
    const mine = await attach(ravi, await form(ravi, { kind: 'end_user_agreement' }), 'ravi.pdf');
    expect(mine.mismatch).toBeUndefined();
    expect(mine.document?.personId).toBe(ravi.id);
  });

  it('warns on review when staff attach a form naming another person anyway', async () => {
    const person = await arrangePerson(t.core, { firstName: 'Ravi', lastName: 'Patel2', email: 'ravi.patel2@delta.example.org' });
    const result = await t.core.handlers['documents.attach']({ personId: person.id, confirmPerson: true, fileName: 'form.pdf', bytes: await form(tomas, { kind: 'staff_verification' }) });
    expect(result.document?.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'name', status: 'problem' }),
        expect.objectContaining({ key: 'person', status: 'problem', message: `The form gives the email of Tomás Herrera (${tomas.email}), not Ravi Patel2's.` }),
      ]),
    );
  });
});
