import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import type { Person } from '../../../shared/domain/person';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { queueMail } from '../mail/queue-mail';
import { mustGetPerson } from '../people/person-writes';
import { completeRequests, insertDeactivation, listDeactivationTasks, markReactivated, reopenAsNewUser } from './deactivations.repo';
import { readPolicy } from './policy-service';

const REASON_TEXT = {
  lapsed: 'The annual recertification was not completed by the end of the grace period.',
  requested: 'A deactivation was requested for this account.',
};

/** "Deactivation tasks": close the account in the HMIS, then confirm it here. */
export function createDeactivationService(ctx: CoreContext) {
  const name = (p: Person) => `${p.firstName} ${p.lastName}`;

  async function list(input: { offset: number; limit: number }) {
    const { policy } = await readPolicy(ctx.db);
    const page = await listDeactivationTasks(ctx.db, ctx.clock.today(), policy.graceDays, input.offset, input.limit);
    return { total: page.total, items: page.items.map(({ firstName, lastName, ...t }) => ({ ...t, name: `${firstName} ${lastName}` })) };
  }

  async function confirm(input: ParsedInput<'recert.confirmDeactivated'>): Promise<Person> {
    const today = ctx.clock.today();
    const person = await mustGetPerson(ctx.db, input.personId, today);
    if (person.stage !== 'lapsed' && person.stage !== 'deactivation_requested') {
      throw new AppError('conflict', `${name(person)} is not waiting for deactivation (${person.stage === 'deactivated' ? 'already deactivated' : 'their account is in good standing'}), so nothing was recorded.`);
    }
    if (input.deactivatedOn > today) throw new AppError('invalid', 'The deactivation date cannot be in the future.', [{ field: 'deactivatedOn', message: 'Use today or an earlier date.' }]);
    const reason = person.stage === 'lapsed' ? 'lapsed' : 'requested';
    const now = ctx.clock.now().toISOString();
    // confirmed_by answers "by whom": a colleague may have closed the account; the audit row keeps the operator.
    const by = input.deactivatedBy ?? ctx.operator;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await insertDeactivation(trx, { personId: person.id, reason, deactivatedOn: input.deactivatedOn, note: input.note ?? null }, by, now))) {
        throw new AppError('conflict', `${name(person)} was deactivated by someone else meanwhile.`);
      }
      const closed = await completeRequests(trx, person.id, ['deactivation'], now);
      let mailId: number | null = null;
      if (person.supervisorEmail) {
        const mail = await queueMail(trx, ctx, { template: 'deactivation_notice', personId: person.id, to: [{ address: person.supervisorEmail, name: person.supervisorName }], data: { deactivatedOn: input.deactivatedOn, reason: REASON_TEXT[reason] } });
        mailId = mail.id;
      }
      await insertAudit(trx, { at: now, operator: ctx.operator, action: 'recert.deactivated', entity: 'person', entityId: person.id, after: { reason, deactivatedOn: input.deactivatedOn, deactivatedBy: by, closedRequests: closed, mailId }, note: input.note ?? null });
    });
    ctx.emit('changed', { entities: ['people', 'mail'] });
    return mustGetPerson(ctx.db, person.id, today);
  }

  async function reactivate(input: ParsedInput<'recert.reactivate'>): Promise<Person> {
    const today = ctx.clock.today();
    const person = await mustGetPerson(ctx.db, input.personId, today);
    if (person.stage !== 'deactivated') throw new AppError('conflict', `${name(person)} is not deactivated, so there is nothing to reactivate.`);
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await markReactivated(trx, person.id, ctx.operator, now))) throw new AppError('conflict', `${name(person)} was reactivated by someone else meanwhile.`);
      await reopenAsNewUser(trx, person.id, now);
      await insertAudit(trx, { at: now, operator: ctx.operator, action: 'recert.reactivated', entity: 'person', entityId: person.id, after: { restartsAt: 'training' }, note: input.note ?? null });
    });
    ctx.emit('changed', { entities: ['people'] });
    return mustGetPerson(ctx.db, person.id, today);
  }

  return { list, confirm, reactivate };
}
