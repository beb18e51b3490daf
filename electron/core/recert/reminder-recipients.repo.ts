import { sql } from 'kysely';
import type { Db } from '../db/open-database';

export interface ReminderRecipient {
  personId: number;
  email: string;
  supervisorEmail: string | null;
}

/** Who a reminder goes to, for the preview's "to whom" (the run itself reads this in remind-service). */
export async function reminderRecipients(db: Db, personIds: readonly number[]): Promise<Map<number, ReminderRecipient>> {
  const found = new Map<number, ReminderRecipient>();
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    const rows = await sql<ReminderRecipient>`SELECT id AS personId, email, supervisor_email AS supervisorEmail FROM people WHERE id IN (${sql.join(chunk)})`.execute(db);
    for (const r of rows.rows) found.set(r.personId, r);
  }
  return found;
}

/** When any run last queued a reminder: the newest row by id (one step of the rowid; max(queued_at) would read them all). */
export async function lastReminderQueuedAt(db: Db): Promise<string | null> {
  const row = await sql<{ at: string | null }>`SELECT queued_at AS at FROM recert_reminders ORDER BY id DESC LIMIT 1`.execute(db);
  return row.rows[0]?.at ?? null;
}
