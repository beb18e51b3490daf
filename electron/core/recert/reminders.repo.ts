import { sql, type RawBuilder } from 'kysely';
import type { OwedRange } from '../../../shared/recert';
import type { Db } from '../db/open-database';

/**
 * The daily reminder run's SQL. Who is owed what today is shared/recert.ts owedRanges(): one
 * range of people_by_stage_due (migration 008) per offset, so the run reads the few thousand
 * people it owes something, never the 100,000 on the list.
 */

/** The ranges as a derived table: (offset_days, due_from, due_to), one row per offset. */
function rangesTable(ranges: readonly OwedRange[]): RawBuilder<unknown> {
  const rows = ranges.map((r) => sql`SELECT ${r.offsetDays} AS offset_days, ${r.dueFrom} AS due_from, ${r.dueTo} AS due_to`);
  return sql`(${sql.join(rows, sql` UNION ALL `)})`;
}

// CROSS JOIN keeps the ranges outside: each is one range of (stage, recert_due_on) on people.
const OWED_FROM = (ranges: readonly OwedRange[]) => sql`${rangesTable(ranges)} AS o CROSS JOIN people AS p`;
const OWED_WHERE = sql`p.stage = 'active' AND p.recert_due_on >= o.due_from AND p.recert_due_on <= o.due_to`;

export interface OwedReminder {
  personId: number;
  firstName: string;
  lastName: string;
  email: string;
  dueOn: string;
  offsetDays: number;
  supervisorName: string | null;
  supervisorEmail: string | null;
  accessLevelName: string;
  quizTitle: string | null;
  quizUrl: string | null;
  quizDirections: string | null;
  /** 1 when this (person, due date, offset) is in recert_reminders already: the UNIQUE key's lookup. */
  sent: number;
}

/** Everyone owed a reminder today, soonest due first, with what the message needs and whether it went. */
export async function owedReminders(db: Db, ranges: readonly OwedRange[]): Promise<OwedReminder[]> {
  if (ranges.length === 0) return [];
  const rows = await sql<OwedReminder>`SELECT p.id AS personId, p.first_name AS firstName, p.last_name AS lastName, p.email, p.recert_due_on AS dueOn,
      o.offset_days AS offsetDays, p.supervisor_name AS supervisorName, p.supervisor_email AS supervisorEmail, l.name AS accessLevelName,
      q.title AS quizTitle, q.url AS quizUrl, q.directions AS quizDirections,
      EXISTS (SELECT 1 FROM recert_reminders AS r WHERE r.person_id = p.id AND r.due_on = p.recert_due_on AND r.offset_days = o.offset_days) AS sent
    FROM ${OWED_FROM(ranges)}
    JOIN access_levels AS l ON l.id = p.access_level_id
    LEFT JOIN level_quizzes AS lq ON lq.access_level_id = p.access_level_id AND lq.kind = 'recertification'
    LEFT JOIN quizzes AS q ON q.id = lq.quiz_id
    WHERE ${OWED_WHERE}
    ORDER BY p.recert_due_on, p.id`.execute(db);
  return rows.rows;
}

export interface ClaimedReminder {
  id: number;
  personId: number;
  dueOn: string;
  offsetDays: number;
}

/**
 * Claims today's reminders of these people in one INSERT … SELECT: the rows come from the
 * people table as it is inside the caller's transaction (not from an earlier read), and the
 * UNIQUE key (person, due date, offset) turns every one already claimed, by this run or another,
 * into nothing. Returns only what this statement inserted: the reminders this run must queue.
 */
export async function claimReminders(trx: Db, ranges: readonly OwedRange[], personIds: readonly number[], today: string, nowIso: string): Promise<ClaimedReminder[]> {
  if (ranges.length === 0 || personIds.length === 0) return [];
  const rows = await sql<ClaimedReminder>`INSERT INTO recert_reminders (person_id, due_on, offset_days, queued_on, queued_at)
    SELECT p.id, p.recert_due_on, o.offset_days, ${today}, ${nowIso} FROM ${OWED_FROM(ranges)}
    WHERE ${OWED_WHERE} AND p.id IN (${sql.join(personIds)})
    ON CONFLICT (person_id, due_on, offset_days) DO NOTHING
    RETURNING id, person_id AS personId, due_on AS dueOn, offset_days AS offsetDays`.execute(trx);
  return rows.rows;
}

/** Each claimed reminder's outbox row, in one statement (UPDATE … FROM, SQLite 3.33+ and PostgreSQL). */
export async function linkReminderMails(trx: Db, links: readonly { id: number; mailId: number }[]): Promise<void> {
  for (let i = 0; i < links.length; i += 400) {
    const chunk = links.slice(i, i + 400);
    const values = sql.join(chunk.map((l) => sql`(${l.id}, ${l.mailId})`));
    await sql`WITH v (id, mail_id) AS (VALUES ${values})
      UPDATE recert_reminders SET mail_id = v.mail_id FROM v WHERE recert_reminders.id = v.id`.execute(trx);
  }
}
