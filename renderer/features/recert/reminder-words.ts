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
 * Why a person waits in the deactivation queue, beside its "Lapsed" or "Requested" badge: a short
 * headline and, where there is one, the detail. A request with no author came with the
 * registration itself (the registration trigger writes no "request opened" row).
 */
export function deactivationWhy(task: Output<'recert.deactivations'>['items'][number], formatDate: (d: string) => string): { headline: string; detail: string | null } {
  if (task.reason === 'lapsed') return { headline: `since ${formatDate(task.since)}`, detail: null };
  const by = task.requestedBy ? `by ${task.requestedBy} ` : '';
  return { headline: `${by}on ${formatDate(task.since)}`, detail: task.requestNote ?? (task.requestedBy ? null : 'Asked for on the registration.') };
}
