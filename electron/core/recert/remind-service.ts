import { daysBetween } from '../../../shared/calendar-date';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import type { RecertPolicy } from '../../../shared/domain/recert-policy';
import { reminderOwed, reminderSchedule, type ScheduledReminder } from '../../../shared/recert';
import type { CoreContext } from '../context';
import { queueMails, type QueueMailInput } from '../mail/queue-mail';
import { readPolicy } from './policy-service';
import { queuedReminderKeys, recordReminders, reminderCandidates, reminderKey, setReminderMail, type ReminderCandidate } from './recert.repo';

interface Owed {
  person: ReminderCandidate;
  reminder: ScheduledReminder;
}

export interface RemindOutcome {
  queued: number;
  skippedAlreadySent: number;
  byOffset: Record<string, number>;
  items: { personId: number; name: string; dueOn: string; offsetDays: number; kind: 'reminder' | 'overdue' }[];
}

function scheduleSpan(policy: RecertPolicy): { before: number; after: number } {
  const offsets = reminderSchedule('2000-01-01', policy).map((r) => r.offsetDays);
  return { before: Math.max(0, ...offsets.map((o) => -o)), after: Math.max(0, ...offsets) };
}

const FALLBACK_QUIZ = { title: 'Annual Recertification Quiz', url: '', directions: '' };

function mailFor(o: Owed, policy: RecertPolicy, today: string): QueueMailInput<MailTemplateKey> {
  const quiz = o.person.quizTitle ? { title: o.person.quizTitle, url: o.person.quizUrl ?? '', directions: o.person.quizDirections ?? '' } : FALLBACK_QUIZ;
  if (o.reminder.kind === 'reminder') return { template: 'recert_reminder', personId: o.person.personId, data: { dueDate: o.person.dueOn, quiz } };
  const cc = policy.copySupervisorOnOverdue && o.person.supervisorEmail ? [{ address: o.person.supervisorEmail, name: o.person.supervisorName }] : [];
  return { template: 'overdue_notice', personId: o.person.personId, cc, data: { dueDate: o.person.dueOn, daysOverdue: daysBetween(o.person.dueOn, today), quiz } };
}

const CHUNK = 500;

/**
 * The daily reminder run. What a person is owed today comes from the pure rules; whether it went
 * already is the UNIQUE key (person, due date, offset) of recert_reminders, inserted in the same
 * transaction as its outbox row. So a repeated run, a run killed half way (its transaction rolls
 * back: neither row) and two overlapping runs (SQLite serialises their writes; the second's insert
 * finds the key and queues nothing) each send every reminder once.
 */
export function createRemindService(ctx: CoreContext) {
  async function owedToday(today: string, policy: RecertPolicy): Promise<Owed[]> {
    const span = scheduleSpan(policy);
    const people = await reminderCandidates(ctx.db, today, span.before, span.after);
    return people.flatMap((person) => {
      const reminder = reminderOwed(person.dueOn, today, policy);
      return reminder ? [{ person, reminder }] : [];
    });
  }

  async function queueChunk(chunk: readonly Owed[], policy: RecertPolicy, today: string): Promise<Owed[]> {
    const now = ctx.clock.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      // The insert comes first: it takes the write lock, so an overlapping run waits here and then
      // sees this run's keys, never a snapshot from before them.
      const recorded = await recordReminders(trx, chunk.map((o) => ({ personId: o.person.personId, dueOn: o.person.dueOn, offsetDays: o.reminder.offsetDays })), today, now);
      const fresh = chunk.filter((o) => recorded.has(reminderKey(o.person.personId, o.person.dueOn, o.reminder.offsetDays)));
      const mails = await queueMails(trx, ctx, fresh.map((o) => mailFor(o, policy, today)));
      await setReminderMail(trx, fresh.map((o, i) => ({ id: recorded.get(reminderKey(o.person.personId, o.person.dueOn, o.reminder.offsetDays)) as number, mailId: mails[i]?.id as number })));
      return fresh;
    });
  }

  async function remind(input: { dryRun: boolean }): Promise<RemindOutcome> {
    const today = ctx.clock.today();
    const { policy } = await readPolicy(ctx.db);
    const owed = await owedToday(today, policy);
    const sent = await queuedReminderKeys(ctx.db, owed.map((o) => o.person.personId));
    const pending = owed.filter((o) => !sent.has(reminderKey(o.person.personId, o.person.dueOn, o.reminder.offsetDays)));
    let going = pending;
    if (!input.dryRun) {
      going = [];
      for (let i = 0; i < pending.length; i += CHUNK) going.push(...(await queueChunk(pending.slice(i, i + CHUNK), policy, today)));
      if (going.length) ctx.emit('changed', { entities: ['mail', 'people'] });
    }
    const byOffset: Record<string, number> = {};
    for (const o of going) byOffset[String(o.reminder.offsetDays)] = (byOffset[String(o.reminder.offsetDays)] ?? 0) + 1;
    return {
      queued: going.length,
      skippedAlreadySent: owed.length - going.length,
      byOffset,
      items: going.map((o) => ({ personId: o.person.personId, name: `${o.person.firstName} ${o.person.lastName}`, dueOn: o.person.dueOn, offsetDays: o.reminder.offsetDays, kind: o.reminder.kind })),
    };
  }

  return { remind };
}
