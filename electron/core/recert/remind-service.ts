import { daysBetween } from '../../../shared/calendar-date';
import type { MailAddress } from '../../../shared/domain/mail';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import type { RecertPolicy } from '../../../shared/domain/recert-policy';
import { owedRanges, type OwedRange } from '../../../shared/recert';
import type { CoreContext } from '../context';
import { queueMails, type QueueMailInput } from '../mail/queue-mail';
import { readPolicy } from './policy-service';
import { claimReminders, linkReminderMails, owedReminders, type OwedReminder } from './reminders.repo';

type Kind = 'reminder' | 'overdue';

export interface RemindItem {
  personId: number;
  name: string;
  dueOn: string;
  offsetDays: number;
  kind: Kind;
  to: string;
  cc: string[];
}

/** A reminder not sent because it would carry no quiz link; it goes on the first run after the level has one. */
export interface HeldReminder {
  personId: number;
  name: string;
  dueOn: string;
  offsetDays: number;
  kind: Kind;
  accessLevelName: string;
}

export interface RemindOutcome {
  queued: number;
  skippedAlreadySent: number;
  byOffset: Record<string, number>;
  items: RemindItem[];
  held: HeldReminder[];
}

const kindOf = (offsetDays: number): Kind => (offsetDays > 0 ? 'overdue' : 'reminder');

/**
 * The one rule for who gets a copy: an overdue notice goes to the supervisor too when the policy
 * says so and there is a supervisor address. The message and the preview both read it here.
 */
export function supervisorCopy(offsetDays: number, policy: RecertPolicy, supervisor: { supervisorEmail: string | null; supervisorName: string | null }): MailAddress[] {
  return kindOf(offsetDays) === 'overdue' && policy.copySupervisorOnOverdue && supervisor.supervisorEmail ? [{ address: supervisor.supervisorEmail, name: supervisor.supervisorName }] : [];
}

/** A reminder is only worth sending with the link to the quiz that renews the access. */
const hasQuizLink = (o: OwedReminder) => Boolean(o.quizTitle && o.quizUrl);

function mailFor(o: OwedReminder, dueOn: string, offsetDays: number, policy: RecertPolicy, today: string): QueueMailInput<MailTemplateKey> {
  const quiz = { title: o.quizTitle ?? '', url: o.quizUrl ?? '', directions: o.quizDirections ?? '' };
  if (kindOf(offsetDays) === 'reminder') return { template: 'recert_reminder', personId: o.personId, data: { dueDate: dueOn, quiz } };
  return { template: 'overdue_notice', personId: o.personId, cc: supervisorCopy(offsetDays, policy, o), data: { dueDate: dueOn, daysOverdue: daysBetween(dueOn, today), quiz } };
}

const itemOf = (o: OwedReminder, policy: RecertPolicy): RemindItem => ({
  personId: o.personId,
  name: `${o.firstName} ${o.lastName}`,
  dueOn: o.dueOn,
  offsetDays: o.offsetDays,
  kind: kindOf(o.offsetDays),
  to: o.email,
  cc: supervisorCopy(o.offsetDays, policy, o).map((a) => a.address),
});

/** People per transaction: each commits its reminders with their messages, and other writers get a turn between. */
const CHUNK = 1000;

/**
 * The daily reminder run. Who is owed what today is one read (shared/recert.ts owedRanges as
 * ranges of the stored due date); whether it went already is the UNIQUE key (person, due date,
 * offset) of recert_reminders. Each chunk claims its rows with INSERT … SELECT … ON CONFLICT DO
 * NOTHING and puts their messages in the outbox in the same transaction, so:
 * - a repeated run claims nothing and queues nothing;
 * - a run killed between queueing and recording rolls back whole: neither rows nor messages, and
 *   the next run sends them;
 * - two overlapping runs (the app and Task Scheduler) are serialised by SQLite's write lock, which
 *   the claim takes first: the second finds the first's keys and queues only what is left.
 * A reminder whose level has no recertification quiz link is held, not sent without it: see
 * `held` (the office assigns the quiz, and the next run sends the newest reminder then owed).
 * `hooks` are for the crash test only: a point between queueing and recording, and the chunk size.
 */
export function createRemindService(ctx: CoreContext, hooks: { afterQueued?: (claimed: number) => void; chunk?: number } = {}) {
  const chunkSize = hooks.chunk ?? CHUNK;
  async function queueChunk(ranges: OwedRange[], owed: readonly OwedReminder[], policy: RecertPolicy, today: string): Promise<OwedReminder[]> {
    const byPerson = new Map(owed.map((o) => [o.personId, o]));
    const now = ctx.clock.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const claimed = await claimReminders(trx, ranges, [...byPerson.keys()], today, now);
      const mails = await queueMails(trx, ctx, claimed.map((c) => mailFor(byPerson.get(c.personId) as OwedReminder, c.dueOn, c.offsetDays, policy, today)));
      hooks.afterQueued?.(claimed.length);
      await linkReminderMails(trx, claimed.map((c, i) => ({ id: c.id, mailId: mails[i]?.id as number })));
      // What went is what the claim found, as it is now (a due date moved since the read moves with it).
      return claimed.map((c) => ({ ...(byPerson.get(c.personId) as OwedReminder), dueOn: c.dueOn, offsetDays: c.offsetDays }));
    });
  }

  async function remind(input: { dryRun: boolean }): Promise<RemindOutcome> {
    const today = ctx.clock.today();
    const { policy } = await readPolicy(ctx.db);
    const ranges = owedRanges(today, policy);
    const owed = await owedReminders(ctx.db, ranges);
    const pending = owed.filter((o) => !o.sent && hasQuizLink(o));
    let going = pending;
    if (!input.dryRun) {
      going = [];
      const byId = [...pending].sort((a, b) => a.personId - b.personId);
      for (let i = 0; i < byId.length; i += chunkSize) going.push(...(await queueChunk(ranges, byId.slice(i, i + chunkSize), policy, today)));
      going.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.personId - b.personId));
      if (going.length) ctx.emit('changed', { entities: ['mail', 'people'] });
    }
    const byOffset: Record<string, number> = {};
    for (const o of going) byOffset[String(o.offsetDays)] = (byOffset[String(o.offsetDays)] ?? 0) + 1;
    const held = owed.filter((o) => !o.sent && !hasQuizLink(o));
    return {
      queued: going.length,
      skippedAlreadySent: owed.length - held.length - going.length,
      byOffset,
      items: going.map((o) => itemOf(o, policy)),
      held: held.map((o) => ({ personId: o.personId, name: `${o.firstName} ${o.lastName}`, dueOn: o.dueOn, offsetDays: o.offsetDays, kind: kindOf(o.offsetDays), accessLevelName: o.accessLevelName })),
    };
  }

  return { remind };
}
