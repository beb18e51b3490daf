import { DOCUMENT_KIND_LABELS } from '../../../shared/domain/document';
import type { RemindOutput } from '../../../shared/domain/document-queue';
import { insertAudits } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { queueMails, type QueueMailInput } from '../mail/queue-mail';
import { reminderFacts, type ReminderFacts } from './pending.repo';

function reminderFor(facts: ReminderFacts): QueueMailInput<'documents_reminder'> {
  const missing = facts.missing.map((kind) => ({
    kind: DOCUMENT_KIND_LABELS[kind],
    who: kind === 'staff_verification' ? `signed by your supervisor${facts.supervisorName ? `, ${facts.supervisorName}` : ''}` : 'signed by you',
  }));
  // The supervisor signs the Staff Verification, so they hear about it too.
  const cc = facts.missing.includes('staff_verification') && facts.supervisorEmail ? [{ address: facts.supervisorEmail, name: facts.supervisorName }] : [];
  return { template: 'documents_reminder', personId: facts.personId, cc, data: { missing } };
}

/** "Send reminder for missing documents": one email per person still missing a form, in one transaction. */
export async function sendReminders(ctx: CoreContext, personIds: readonly number[]): Promise<RemindOutput> {
  const facts = await reminderFacts(ctx.db, [...new Set(personIds)]);
  const skipped: RemindOutput['skipped'] = [];
  const due: ReminderFacts[] = [];
  for (const personId of new Set(personIds)) {
    const f = facts.get(personId);
    if (!f) skipped.push({ personId, reason: 'Not on the list any more.' });
    else if (f.requestType === 'deactivation') skipped.push({ personId, reason: 'Their access is being deactivated.' });
    else if (f.missing.length === 0) skipped.push({ personId, reason: 'Both forms have arrived.' });
    else due.push(f);
  }
  if (due.length === 0) return { queued: 0, skipped };
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const queued = await queueMails(trx, ctx, due.map(reminderFor));
    await insertAudits(
      trx,
      due.map((f, i) => ({ at: now, operator: ctx.operator, action: 'documents.reminded', entity: 'person' as const, entityId: f.personId, after: { missing: f.missing, mailId: queued[i]?.id ?? null } })),
    );
  });
  ctx.emit('changed', { entities: ['mail', 'documents'] });
  return { queued: due.length, skipped };
}
