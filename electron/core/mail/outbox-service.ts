import { AppError } from '../../../shared/app-error';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { MailDetail, MailSummary } from '../../../shared/domain/mail';
import { insertAudit, insertAudits } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { MailSender } from './mail-sender';
import { cancelOutbox, requeue } from './outbox-admin.repo';
import { countOutbox, getOutbox, listOutbox, type MailOutcome } from './outbox.repo';
import { queueMail } from './queue-mail';
import { readMailSettings, readPaused, readSecret, writePaused } from './settings/mail-settings-store';
import { readPassword, type Secrets } from './settings/smtp-password';

const TEST_WHILE_PAUSED = 'Sending is paused, so no test message was sent. Resume sending on the Outbox page first.';

export function createOutboxService(ctx: CoreContext, sender: MailSender, secrets: Secrets) {
  async function mustGet(id: number): Promise<MailDetail> {
    const mail = await getOutbox(ctx.db, id);
    if (!mail) throw new AppError('not_found', `There is no message number ${id} in the outbox.`);
    return mail;
  }

  async function status(): Promise<Output<'mail.status'>> {
    const [counts, paused, settings] = await Promise.all([countOutbox(ctx.db), readPaused(ctx.db), readMailSettings(ctx.db)]);
    let problem: string | null = null;
    if (settings.host && !settings.fromAddress) problem = 'Enter the From address in the mail settings.';
    else if (settings.host) problem = (await readPassword(await readSecret(ctx.db), secrets)).problem;
    return { ...counts, paused, mode: settings.host ? 'smtp' : 'drafts', problem };
  }

  async function setPaused(paused: boolean): Promise<Output<'mail.status'>> {
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      await writePaused(trx, paused);
      await insertAudit(trx, { at: now, operator: ctx.operator, action: paused ? 'mail.paused' : 'mail.resumed', entity: 'setting', entityId: null, after: { 'mail.paused': paused } });
    });
    ctx.emit('changed', { entities: ['mail'] });
    if (!paused) sender.kick();
    return status();
  }

  async function retry(input: ParsedInput<'mail.retry'>): Promise<{ changed: number }> {
    const now = ctx.clock.now().toISOString();
    const target = input.ids ? { ids: input.ids } : { allFailed: true as const };
    const changed = await ctx.db.transaction().execute(async (trx) => {
      const rows = await requeue(trx, target, now);
      await insertAudits(trx, rows.map((r) => ({ at: now, operator: ctx.operator, action: 'mail.retried', entity: 'mail' as const, entityId: r.id, before: { status: r.status }, after: { status: 'queued' } })));
      return rows.length;
    });
    if (changed) {
      ctx.emit('changed', { entities: ['mail'] });
      sender.kick();
    }
    return { changed };
  }

  async function cancel(id: number): Promise<MailSummary> {
    const now = ctx.clock.now().toISOString();
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      const result = await cancelOutbox(trx, id, now);
      if (result?.cancelled) await insertAudit(trx, { at: now, operator: ctx.operator, action: 'mail.cancelled', entity: 'mail', entityId: id, before: { status: result.was }, after: { status: 'cancelled' } });
      return result;
    });
    if (!outcome) throw new AppError('not_found', `There is no message number ${id} in the outbox.`);
    if (!outcome.cancelled) {
      const { was } = outcome;
      throw new AppError('conflict', `This message is ${was === 'sending' ? 'being sent' : `already ${was}`}, so it can no longer be cancelled. Reload the outbox to see it.`);
    }
    ctx.emit('changed', { entities: ['mail'] });
    return mustGet(id);
  }

  async function test(to: string): Promise<Output<'mail.test'>> {
    // Refused before anything is queued; a pause that lands meanwhile is caught by the claim.
    if (await readPaused(ctx.db)) throw new AppError('conflict', TEST_WHILE_PAUSED);
    const queued = await ctx.db.transaction().execute((trx) => queueMail(trx, ctx, { template: 'test_message', to: [to], data: { sentAt: ctx.clock.now().toISOString() } }));
    ctx.emit('changed', { entities: ['mail'] });
    const sent = await sender.sendNow(queued.id);
    if (sent.paused) return { mailId: queued.id, outcome: 'failed', message: `${TEST_WHILE_PAUSED} The test message waits in the outbox; cancel it there if you do not want it sent later.` };
    const outcome = sent.outcome ?? (await mustGet(queued.id));
    return { mailId: queued.id, ...describe(outcome, to) };
  }

  return {
    list: (input: ParsedInput<'mail.list'>) => listOutbox(ctx.db, input),
    get: mustGet,
    retry,
    cancel,
    status,
    pause: () => setPaused(true),
    resume: () => setPaused(false),
    test,
  };
}

type Result = Pick<MailOutcome, 'lastError' | 'draftPath' | 'recipients'> & { status: string };

function describe(result: Result, to: string): { outcome: 'sent' | 'drafted' | 'failed'; message: string } {
  if (result.status === 'drafted') return { outcome: 'drafted', message: `No mail server is set, so the test message was saved as a draft: ${result.draftPath}` };
  if (result.status === 'sent' && !result.lastError) {
    const response = result.recipients[0]?.response;
    return { outcome: 'sent', message: `The mail server accepted the test message for ${to}.${response ? ` It said: "${response}".` : ''}` };
  }
  return { outcome: 'failed', message: result.lastError ?? 'The test message was not sent.' };
}
