import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingListInput } from '../../../shared/domain/document-queue';
import type { Person } from '../../../shared/domain/person';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { arrangePerson, form } from './test-support/document-fixtures';

let t: TempCore;
let ngozi: Person;
let tomas: Person;
let ana: Person;

beforeAll(async () => {
  t = await tempCore({ documents: { pool: { size: 2 } } });
  ngozi = await arrangePerson(t.core);
  tomas = await arrangePerson(t.core, { firstName: 'Tomas', lastName: 'Herrera' });
  ana = await arrangePerson(t.core, { firstName: 'Ana', lastName: 'Lopez', agency: 'Midtown Youth Center', email: 'ana.lopez@midtown.example.org' });
  await t.core.handlers['people.update']({ id: ana.id, changes: { registeredOn: '2026-10-01' } });
});
afterAll(() => t.dispose());

const attach = async (person: Person, kind: 'staff_verification' | 'end_user_agreement', options = {}) =>
  (await t.core.handlers['documents.attach']({ personId: person.id, fileName: `${kind}.pdf`, bytes: await form(person, { kind, ...options }) })).document!;

const pending = (input: Partial<PendingListInput> = {}) => t.core.handlers['documents.pending']({ section: 'missing', direction: 'desc', offset: 0, limit: 100, ...input });
const outbox = async () => (await t.core.handlers['mail.list']({ offset: 0, limit: 100 })).items;

describe('reviewing documents and the Pending documents queue', () => {
  it('starts with everyone missing both forms, longest waiting first, filterable by agency', async () => {
    const all = await pending();
    expect(all.counts).toEqual({ missing: 3, review: 0, rejected: 0 });
    expect(all.items.map((r) => [r.personName, r.daysWaiting, r.kinds])).toEqual([
      ['Ana Lopez', 58, ['staff_verification', 'end_user_agreement']],
      ['Ngozi Okafor', 27, ['staff_verification', 'end_user_agreement']],
      ['Tomas Herrera', 27, ['staff_verification', 'end_user_agreement']],
    ]);
    expect((await pending({ direction: 'asc' })).items[0]?.personName).toBe('Tomas Herrera');
    expect((await pending({ agencyId: ana.agencyId })).items.map((r) => r.personName)).toEqual(['Ana Lopez']);
  });

  it('rejects a Staff Verification with reasons: the supervisor gets the email, the queue and stage follow', async () => {
    const sv = await attach(ngozi, 'staff_verification', { signed: false });
    const eua = await attach(ngozi, 'end_user_agreement');
    expect((await pending({ section: 'review' })).items.map((r) => [r.personName, r.kinds[0], r.daysWaiting])).toEqual([
      ['Ngozi Okafor', 'staff_verification', 0],
      ['Ngozi Okafor', 'end_user_agreement', 0],
    ]);
    // The list tells an unsigned form from a clean one before it is opened.
    const counts = (await pending({ section: 'review' })).items.map((r) => r.findingCounts);
    expect(counts).toEqual([
      { problems: 0, checks: 1 },
      { problems: 0, checks: 0 },
    ]);
    const rejected = await t.core.handlers['documents.review']({ id: sv.id, decision: 'reject', reasons: ['missing_signature'], note: 'Please sign on the line next to your name.' });
    expect(rejected).toMatchObject({ status: 'rejected', reviewedBy: 'test.operator', rejectReasons: ['missing_signature'], rejectNote: 'Please sign on the line next to your name.' });
    const [mail] = await outbox();
    expect(mail).toMatchObject({ template: 'document_rejected', personId: ngozi.id, to: [{ address: 'james.nguyen@delta.example.org', name: 'James Nguyen' }], subject: 'Please resend your Staff Verification for HMIS Access' });
    const detail = await t.core.handlers['mail.get']({ id: mail!.id });
    expect(detail.text).toContain('Hello James Nguyen,\n\nWe could not accept the Staff Verification for HMIS Access for Ngozi Okafor, your staff member at Delta Recovery Services (staff_verification.pdf):');
    // Addressed to the supervisor: it is their staff member's request, not theirs.
    expect(detail.text).toContain("Please correct it and email it again. Ngozi's HMIS access request stays open meanwhile.");
    expect(detail.text).not.toContain('Your HMIS access request');
    expect(detail.text).toContain('The form is not signed. Please sign it where marked and send it again. Please sign on the line next to your name.');
    expect((await t.core.handlers['people.get']({ id: ngozi.id })).stage).toBe('documents_in_review');
    await t.core.handlers['documents.review']({ id: eua.id, decision: 'accept' });
    expect((await t.core.handlers['people.get']({ id: ngozi.id })).stage).toBe('documents_rejected');
    expect((await pending({ section: 'rejected' })).items).toEqual([expect.objectContaining({ personName: 'Ngozi Okafor', kinds: ['staff_verification'], rejectReasons: ['missing_signature'] })]);
    expect((await pending()).counts).toEqual({ missing: 2, review: 0, rejected: 1 });
    expect((await pending({ agencyId: ngozi.agencyId })).counts).toEqual({ missing: 1, review: 0, rejected: 1 });
    expect((await pending({ agencyId: ana.agencyId })).counts).toEqual({ missing: 1, review: 0, rejected: 0 });
  });

  it('sends a rejected End User Agreement to the user, and refuses a second decision', async () => {
    const eua = await attach(tomas, 'end_user_agreement');
    await expect(t.core.handlers['documents.review']({ id: eua.id, decision: 'reject', reasons: [] })).rejects.toThrow(/Choose at least one reason, or write what is wrong/);
    await t.core.handlers['documents.review']({ id: eua.id, decision: 'reject', reasons: ['wrong_form_version'] });
    expect((await outbox())[0]).toMatchObject({ to: [{ address: 'tomas.herrera@delta.example.org' }] });
    expect((await t.core.handlers['mail.get']({ id: (await outbox())[0]!.id })).text).toContain('Your HMIS access request for Delta Recovery Services stays open meanwhile.');
    await expect(t.core.handlers['documents.review']({ id: eua.id, decision: 'accept' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/no longer awaiting review: rejected on November 28, 2026 by test\.operator/) });
  });

  it('moves a person to "documents accepted — ready for training" once both forms are accepted', async () => {
    for (const kind of ['staff_verification', 'end_user_agreement'] as const) await t.core.handlers['documents.review']({ id: (await attach(ana, kind)).id, decision: 'accept' });
    expect((await t.core.handlers['people.get']({ id: ana.id })).stage).toBe('documents_accepted');
    expect((await pending()).items.map((r) => r.personName)).not.toContain('Ana Lopez');
    const list = await t.core.handlers['people.list']({ stage: 'documents_accepted', sort: 'name', direction: 'asc', offset: 0, limit: 10 });
    expect(list.items.map((p) => p.id)).toEqual([ana.id]);
  });

  it('sends reminders for what is still missing, copying the supervisor for a Staff Verification', async () => {
    const result = await t.core.handlers['documents.remind']({ personIds: [ngozi.id, tomas.id, ana.id] });
    expect(result).toEqual({ queued: 1, skipped: [{ personId: ngozi.id, reason: 'Both forms have arrived.' }, { personId: ana.id, reason: 'Both forms have arrived.' }] });
    const reminder = await t.core.handlers['mail.get']({ id: (await outbox())[0]!.id });
    expect(reminder).toMatchObject({ template: 'documents_reminder', to: [{ address: 'tomas.herrera@delta.example.org' }], cc: [{ address: 'james.nguyen@delta.example.org' }] });
    expect(reminder.text).toContain('- Staff Verification for HMIS Access, signed by your supervisor, James Nguyen');
    expect((await pending()).items.find((r) => r.personId === tomas.id)?.lastReminderAt).toBe('2026-11-28T15:00:00.000Z');
  });
});
