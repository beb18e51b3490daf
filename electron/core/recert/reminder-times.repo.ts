import { sql } from 'kysely';
import type { Db } from '../db/open-database';

/** When any run last queued a reminder: the newest row by id (one step of the rowid; max(queued_at) would read them all). */
export async function lastReminderQueuedAt(db: Db): Promise<string | null> {
  const row = await sql<{ at: string | null }>`SELECT queued_at AS at FROM recert_reminders ORDER BY id DESC LIMIT 1`.execute(db);
  return row.rows[0]?.at ?? null;
}
