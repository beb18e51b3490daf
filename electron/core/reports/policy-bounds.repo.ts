import { sql } from 'kysely';
import { addDays } from '../../../shared/calendar-date';
import type { Exec } from './report-query';

/** The policy's windows as dates from today, fetched once, so a count is a plain range on the due-date index. */
export interface DueBounds {
  today: string;
  /** Due after this: plain "active". */
  soonFrom: string;
  /** Due after this (and up to soonFrom): "due soon"; up to it from today: "due". */
  dueFrom: string;
  /** Due before this: lapsed; from it up to yesterday: overdue. */
  lapsedBefore: string;
}

export async function dueBounds(exec: Exec, today: string): Promise<DueBounds> {
  const [p] = await exec(sql<{ window: number; dueWithin: number; grace: number }>`SELECT rp.window_days AS window, rp.due_within_days AS dueWithin, rp.grace_days AS grace FROM recert_policy rp WHERE rp.id = 1`);
  return { today, soonFrom: addDays(today, p?.window ?? 60), dueFrom: addDays(today, p?.dueWithin ?? 30), lapsedBefore: addDays(today, -(p?.grace ?? 30)) };
}
