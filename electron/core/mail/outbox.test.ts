import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_SAMPLES } from '../../../shared/domain/mail-templates';
import type { CoreContext } from '../context';
import { openDatabase, type OpenDatabase } from '../db/open-database';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { queueMail, type QueueMailInput } from './queue-mail';
import { addPerson, invoke } from './test-support/mail-test-kit';

let t: TempCore;
let side: OpenDatabase;
let ctx: CoreContext;
beforeEach(async () => {
  t = await tempCore();
  // A second connection to the same file, as a later feature's service would hold inside the core.
  side = openDatabase(path.join(t.dataDir, 'hmis.sqlite'), t.clock.now().toISOString());
  ctx = { db: side.db, clock: t.clock, dataDir: t.dataDir, operator: 'test.operator', emit: () => {} };
});
afterEach(async () => {
  await side.close();
  await t.dispose();
});

async function queue(input: QueueMailInput<'document_rejected'> | QueueMailInput<'test_message'>, rollback = false) {
  return ctx.db.transaction().execute(async (trx) => {
    const queued = await queueMail(trx, ctx, input as QueueMailInput<'document_rejected'>);
    if (rollback) throw new Error('the caller failed after queueing');
    return queued;
  });
}

describe('queueMail', () => {
  it('renders the template for the person at queue time, with a stable Message-ID and an audit row', async () => {
    const person = await addPerson(t.core);
    const queued = await queue({ template: 'document_rejected', personId: person.id, data: TEMPLATE_SAMPLES.document_rejected });
    expect(queued.messageId).toMatch(/^<[0-9a-f-]{36}@hmis-access-desk\.local>$/);
    const mail = await invoke(t.core, 'mail.get', { id: queued.id });
    expect(mail).toMatchObject({
      status: 'queued',
      personId: person.id,
      personName: "Maria O'Brien",
      to: [{ address: 'maria.obrien@rivercity.example.org', name: "Maria O'Brien" }],
      subject: 'Please resend your Staff Verification for HMIS Access',
      messageId: queued.messageId,
      attempts: 0,
    });
    expect(mail.text).toContain("Hello Maria,\n\nWe could not accept the Staff Verification for HMIS Access you sent (verification.pdf)");
    expect(mail.html).toContain('<blockquote>The supervisor signature is missing on page 2.</blockquote>');
    const history = await ctx.db.selectFrom('audit').select(['action', 'entity_id']).where('entity', '=', 'mail').execute();
    expect(history).toEqual([{ action: 'mail.queued', entity_id: queued.id }]);
  });

  it('commits with the caller or not at all', async () => {
    const person = await addPerson(t.core);
    await expect(queue({ template: 'document_rejected', personId: person.id, data: TEMPLATE_SAMPLES.document_rejected }, true)).rejects.toThrow('the caller failed');
    expect((await invoke(t.core, 'mail.list', {})).total).toBe(0);
    expect(await ctx.db.selectFrom('audit').select('id').where('entity', '=', 'mail').execute()).toEqual([]);
  });

  it('refuses a message nobody can receive', async () => {
    await expect(queue({ template: 'test_message', to: ['not an address'], data: { sentAt: 'now' } })).rejects.toMatchObject({ code: 'invalid', message: '"not an address" is not an email address a message can be sent to.' });
    await expect(queue({ template: 'test_message', data: { sentAt: 'now' } })).rejects.toMatchObject({ code: 'invalid', message: 'A message needs at least one recipient.' });
  });
});

describe('outbox calls', () => {
  it('lists by status and person, cancels, retries and counts', async () => {
    const person = await addPerson(t.core);
    const a = await queue({ template: 'document_rejected', personId: person.id, data: TEMPLATE_SAMPLES.document_rejected });
    const b = await queue({ template: 'test_message', to: ['office@county.example.org'], data: { sentAt: 'now' } });
    expect((await invoke(t.core, 'mail.list', { personId: person.id })).items.map((m) => m.id)).toEqual([a.id]);

    expect(await invoke(t.core, 'mail.cancel', { id: b.id })).toMatchObject({ status: 'cancelled', nextAttemptAt: null });
    await expect(invoke(t.core, 'mail.cancel', { id: b.id })).rejects.toMatchObject({ code: 'conflict' });
    expect(await invoke(t.core, 'mail.status', {})).toMatchObject({ counts: { queued: 1, cancelled: 1, sent: 0 }, paused: false, mode: 'drafts', problem: null });
    expect((await invoke(t.core, 'mail.list', { status: 'cancelled' })).items.map((m) => m.id)).toEqual([b.id]);

    expect(await invoke(t.core, 'mail.retry', { ids: [b.id] })).toEqual({ changed: 1 });
    expect((await invoke(t.core, 'mail.get', { id: b.id })).status).toBe('queued');
    expect(await invoke(t.core, 'mail.retry', { allFailed: true })).toEqual({ changed: 0 });
    await expect(invoke(t.core, 'mail.get', { id: 999 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('drafts (no SMTP settings)', () => {
  it('writes each due message as an .eml Outlook opens as an unsent draft', async () => {
    const person = await addPerson(t.core);
    const queued = await queue({ template: 'document_rejected', personId: person.id, data: TEMPLATE_SAMPLES.document_rejected });
    expect(await invoke(t.core, 'mail.sendDue', {})).toEqual({ sent: 0, drafted: 1, failed: 0, retrying: 0, paused: false, problem: null });

    const mail = await invoke(t.core, 'mail.get', { id: queued.id });
    expect(mail.status).toBe('drafted');
    expect(mail.draftPath).toBe(path.join(t.dataDir, 'drafts', `${queued.id}-Please-resend-your-Staff-Verification-for-HMIS-Access.eml`));
    const parsed = await simpleParser(readFileSync(mail.draftPath as string));
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.messageId).toBe(queued.messageId);
    expect(parsed.subject).toBe('Please resend your Staff Verification for HMIS Access');
    expect(parsed.text).toContain('The supervisor signature is missing on page 2.');
    expect(parsed.html).toContain('<blockquote>The supervisor signature is missing on page 2.</blockquote>');
    expect(JSON.stringify(parsed.to)).toContain('maria.obrien@rivercity.example.org');
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ drafted: 0 });
  });

  it('holds everything while paused, and the test message still answers in words', async () => {
    await queue({ template: 'test_message', to: ['office@county.example.org'], data: { sentAt: 'now' } });
    await invoke(t.core, 'mail.pause', {});
    expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ drafted: 0, paused: true });
    expect((await invoke(t.core, 'mail.resume', {})).paused).toBe(false);

    const result = await invoke(t.core, 'mail.test', { to: 'me@county.example.org' });
    expect(result.outcome).toBe('drafted');
    expect(result.message).toMatch(/^No mail server is set, so the test message was saved as a draft: .*\.eml$/);
  });

  it('uses the drafts folder the office chose', async () => {
    const dir = path.join(t.dataDir, 'chosen drafts');
    expect(await invoke(t.core, 'mail.settings.save', { draftsDir: dir })).toMatchObject({ draftsDir: dir, draftsDirIsDefault: false, mode: 'drafts' });
    const result = await invoke(t.core, 'mail.test', { to: 'me@county.example.org' });
    expect(result.message).toContain(dir);
  });
});
