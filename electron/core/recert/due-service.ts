import icalGenerator from 'ical-generator';
import { addDays, daysBetween } from '../../../shared/calendar-date';
import type { ParsedInput } from '../../../shared/contract';
import type { DueRow, RecertSummary } from '../../../shared/domain/recert';
import type { RecertPolicy } from '../../../shared/domain/recert-policy';
import { dueDate, lapsesOn, recertStatus, windowDays, type RecertStatus } from '../../../shared/recert';
import type { CoreContext } from '../context';
import { mustGetPerson } from '../people/person-writes';
import { readPolicy } from './policy-service';
import { calendarCounts, certificationsOf, listDue, openDeactivationOf, type DueFilter, type DueRecord } from './recert.repo';

/** Each status as a range of due dates on `today` (recertStatus, turned around). */
export function statusRange(status: RecertStatus, today: string, policy: RecertPolicy): { from?: string; to?: string } {
  const window = windowDays(policy);
  const dueWithin = Math.min(policy.dueWithinDays, window);
  return {
    current: { from: addDays(today, window + 1) },
    due_soon: { from: addDays(today, dueWithin + 1), to: addDays(today, window) },
    due: { from: today, to: addDays(today, dueWithin) },
    overdue: { from: addDays(today, -policy.graceDays), to: addDays(today, -1) },
    lapsed: { to: addDays(today, -policy.graceDays - 1) },
  }[status];
}

export function dueFilter(input: ParsedInput<'recert.due'>, today: string, policy: RecertPolicy): DueFilter {
  return {
    from: input.from,
    to: input.withinDays !== undefined ? minDate(input.to, addDays(today, input.withinDays)) : input.to,
    ranges: input.statuses?.map((s) => statusRange(s, today, policy)),
    agencyId: input.agencyId,
    accessLevelId: input.accessLevelId,
  };
}

const minDate = (a: string | undefined, b: string) => (a !== undefined && a < b ? a : b);

export function toDueRow(r: DueRecord, today: string, policy: RecertPolicy, certifiedOn: string): DueRow {
  return {
    personId: r.personId,
    name: `${r.firstName} ${r.lastName}`,
    email: r.email,
    agencyName: r.agencyName,
    accessLevelName: r.accessLevelName,
    hmisUserName: null,
    certifiedOn,
    dueOn: r.dueOn,
    status: recertStatus(r.dueOn, today, policy),
    daysLeft: daysBetween(today, r.dueOn),
    lastReminderOn: r.lastReminderOn,
  };
}

/**
 * The month's last date, by counting, not through Date: any `YYYY-MM` the contract lets in (year
 * 0524 or 9999 included) gives a date string, never "Invalid time value" (found by the hostile suite).
 */
export function lastDayOf(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31;
  return `${month}-${days}`;
}

/** The person page, the due lists, the calendar and its ICS file. */
export function createDueService(ctx: CoreContext) {
  async function summary(personId: number): Promise<RecertSummary> {
    const person = await mustGetPerson(ctx.db, personId, ctx.clock.today());
    const { policy } = await readPolicy(ctx.db);
    const rows = await certificationsOf(ctx.db, person.id);
    const deactivation = await openDeactivationOf(ctx.db, person.id);
    const latest = rows[0];
    const dueOn = person.recertDueOn;
    return {
      personId: person.id,
      hmisUserName: rows.find((r) => r.hmisUserName !== null)?.hmisUserName ?? null,
      certifiedOn: latest?.certifiedOn ?? null,
      dueOn,
      status: dueOn && !deactivation ? recertStatus(dueOn, ctx.clock.today(), policy) : null,
      lapsesOn: dueOn ? lapsesOn(dueOn, policy) : null,
      deactivatedOn: deactivation?.deactivatedOn ?? null,
      history: rows.map((r) => ({ ...r, dueOn: dueDate(r.anchorOn, policy) })),
    };
  }

  async function due(input: ParsedInput<'recert.due'>) {
    const today = ctx.clock.today();
    const { policy } = await readPolicy(ctx.db);
    // Each row carries its latest certification (one query for the page, not one per row).
    const page = await listDue(ctx.db, dueFilter(input, today, policy), input.offset, input.limit);
    return { total: page.total, items: page.items.map((r) => ({ ...toDueRow(r, today, policy, r.certifiedOn ?? r.dueOn), hmisUserName: r.hmisUserName })) };
  }

  async function calendar(input: ParsedInput<'recert.calendar'>) {
    const days = await calendarCounts(ctx.db, { from: `${input.month}-01`, to: lastDayOf(input.month), agencyId: input.agencyId, accessLevelId: input.accessLevelId });
    return { month: input.month, days, total: days.reduce((n, d) => n + d.count, 0) };
  }

  async function ics(input: ParsedInput<'recert.ics'>) {
    const cal = icalGenerator({ name: 'HMIS recertification due dates', prodId: { company: 'HMIS Access Desk', product: 'recertification' } });
    let offset = 0;
    for (;;) {
      const page = await listDue(ctx.db, { agencyId: input.agencyId, accessLevelId: input.accessLevelId }, offset, 5000);
      for (const r of page.items) {
        const [y, m, d] = r.dueOn.split('-').map(Number) as [number, number, number];
        cal.createEvent({ id: `recert-${r.personId}-${r.dueOn}@hmis-access-desk.local`, start: new Date(Date.UTC(y, m - 1, d)), allDay: true, summary: `Recertification due: ${r.firstName} ${r.lastName} (${r.agencyName})`, description: `${r.accessLevelName}. Due ${r.dueOn}.` });
      }
      offset += page.items.length;
      if (page.items.length < 5000) break;
    }
    return { fileName: 'recertification-due-dates.ics', text: cal.toString(), events: cal.events().length };
  }

  return { summary, due, calendar, ics };
}
