import type { Output } from '../../../shared/contract';
import { plural } from '../../../shared/plural';

type RemindItem = Output<'recert.remind'>['items'][number];

/** An offset from the due date as the office says it: "30 days before", "On the due date", "7 days overdue". */
export function offsetWords(offsetDays: number): string {
  if (offsetDays === 0) return 'On the due date';
  const days = plural(Math.abs(offsetDays), 'day', 'days');
  return offsetDays < 0 ? `${days} before` : `${days} overdue`;
}

/** "2 reminders (30 days before), 1 overdue notice (7 days overdue)": what a run queues, soonest schedule first. */
export function remindSummary(items: readonly Pick<RemindItem, 'offsetDays' | 'kind'>[]): string {
  const byOffset = new Map<number, number>();
  for (const i of items) byOffset.set(i.offsetDays, (byOffset.get(i.offsetDays) ?? 0) + 1);
  return [...byOffset.entries()]
    .sort(([a], [b]) => a - b)
    .map(([offset, n]) => `${plural(n, offset > 0 ? 'overdue notice' : 'reminder', offset > 0 ? 'overdue notices' : 'reminders')} (${offsetWords(offset).toLowerCase()})`)
    .join(', ');
}

/**
 * Why some reminders wait, in one sentence: their level has no recertification quiz with a link,
 * and a reminder without it cannot be acted on. Names each level (busiest first) and what to do.
 */
export function heldSentence(held: readonly Pick<Output<'recert.remind'>['held'][number], 'accessLevelName'>[]): string {
  const byLevel = new Map<string, number>();
  for (const h of held) byLevel.set(h.accessLevelName, (byLevel.get(h.accessLevelName) ?? 0) + 1);
  const levels = [...byLevel.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, n]) => `“${name}” (${n})`);
  const list = levels.length > 1 ? `${levels.slice(0, -1).join(', ')} and ${levels.at(-1)}` : (levels[0] ?? '');
  const verb = levels.length > 1 ? 'have' : 'has';
  return `${plural(held.length, 'reminder is', 'reminders are')} held, not sent: the access ${levels.length > 1 ? 'levels' : 'level'} ${list} ${verb} no recertification quiz with a link. Choose one in Training catalog; the next run sends them.`;
}

/**
 * Why a person waits in the deactivation queue, beside its "Lapsed" or "Requested" badge: a short
 * headline and, where there is one, the detail. A request with no author came with the
 * registration itself (the registration trigger writes no "request opened" row).
 */
export function deactivationWhy(task: Output<'recert.deactivations'>['items'][number], formatDate: (d: string) => string): { headline: string; detail: string | null } {
  if (task.reason === 'lapsed') return { headline: `since ${formatDate(task.since)}`, detail: null };
  const by = task.requestedBy ? `by ${task.requestedBy} ` : '';
  return { headline: `${by}on ${formatDate(task.since)}`, detail: task.requestNote ?? (task.requestedBy ? null : 'Asked for on the registration.') };
}
