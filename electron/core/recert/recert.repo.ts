import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { CERTIFICATION_KINDS } from '../../../shared/domain/recert';
import type { RecertPolicy } from '../../../shared/domain/recert-policy';
import { windowDays } from '../../../shared/recert';
import { fromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { recertDb } from './recert-schema';
import { z } from 'zod';

const certificationKind = z.enum(CERTIFICATION_KINDS);

/** The policy's date parameters, for the SQL of migration 008; its UPDATE trigger moves every due date. */
export async function writePolicyRow(trx: Db, policy: RecertPolicy): Promise<void> {
  const window = windowDays(policy);
  const { cycle } = policy;
  await recertDb(trx)
    .updateTable('recert_policy')
    .set({
      cycle_kind: cycle.kind,
      months: cycle.kind === 'anniversary' ? cycle.months : 12,
      month: cycle.kind === 'fixed_deadline' ? cycle.month : 6,
      day: cycle.kind === 'fixed_deadline' ? cycle.day : 30,
      window_days: window,
      due_within_days: Math.min(policy.dueWithinDays, window),
      grace_days: policy.graceDays,
    })
    .where('id', '=', 1)
    .execute();
}

export interface CertificationRow {
  id: number;
  personId: number;
  kind: (typeof CERTIFICATION_KINDS)[number];
  certifiedOn: string;
  anchorOn: string;
  hmisUserName: string | null;
  attemptId: number | null;
  recordedAt: string;
  recordedBy: string;
}

/** Newest first, as the person page lists them. */
export async function certificationsOf(db: Db, personId: number): Promise<CertificationRow[]> {
  const rows = await recertDb(db)
    .selectFrom('certifications')
    .select(['id', 'person_id as personId', 'kind', 'certified_on as certifiedOn', 'anchor_on as anchorOn', 'hmis_user_name as hmisUserName', 'attempt_id as attemptId', 'recorded_at as recordedAt', 'recorded_by as recordedBy'])
    .where('person_id', '=', personId)
    .orderBy('certified_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, kind: fromDb(certificationKind, r.kind, 'certifications.kind') }));
}

export async function openDeactivationOf(db: Db, personId: number): Promise<{ deactivatedOn: string } | undefined> {
  return recertDb(db).selectFrom('deactivations').select('deactivated_on as deactivatedOn').where('person_id', '=', personId).where('reactivated_at', 'is', null).executeTakeFirst();
}

/** The filters every recertification list shares: certified people still active in the stored stage. */
export interface DueFilter {
  from?: string;
  to?: string;
  /** Date ranges of recert_due_on, any of which matches (statuses as ranges). */
  ranges?: { from?: string; to?: string }[];
  agencyId?: number;
  accessLevelId?: number;
}

function dueWhere(f: DueFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`p.stage = 'active'`, sql<SqlBool>`p.recert_due_on IS NOT NULL`];
  if (f.from !== undefined) parts.push(sql<SqlBool>`p.recert_due_on >= ${f.from}`);
  if (f.to !== undefined) parts.push(sql<SqlBool>`p.recert_due_on <= ${f.to}`);
  if (f.ranges) {
    const any = f.ranges.map((r) => sql<SqlBool>`(p.recert_due_on >= ${r.from ?? '0000-01-01'} AND p.recert_due_on <= ${r.to ?? '9999-12-31'})`);
    parts.push(any.length ? sql<SqlBool>`(${sql.join(any, sql` OR `)})` : sql<SqlBool>`0`);
  }
  if (f.agencyId !== undefined) parts.push(sql<SqlBool>`p.agency_id = ${f.agencyId}`);
  if (f.accessLevelId !== undefined) parts.push(sql<SqlBool>`p.access_level_id = ${f.accessLevelId}`);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

export interface DueRecord {
  personId: number;
  firstName: string;
  lastName: string;
  email: string;
  agencyName: string;
  accessLevelName: string;
  dueOn: string;
  lastReminderOn: string | null;
  /** The latest certification's date and HMIS user name (certifications_by_person, per listed row). */
  certifiedOn: string | null;
  hmisUserName: string | null;
}

/** Soonest first: a walk of people_by_stage_due (migration 008) from the first due date in range. */
export function dueQueries(db: Db, f: DueFilter, offset: number, limit: number) {
  const page = sql<DueRecord>`SELECT p.id AS personId, p.first_name AS firstName, p.last_name AS lastName, p.email, a.name AS agencyName, l.name AS accessLevelName,
      p.recert_due_on AS dueOn,
      (SELECT max(r.queued_on) FROM recert_reminders AS r WHERE r.person_id = p.id AND r.due_on = p.recert_due_on) AS lastReminderOn,
      (SELECT c.certified_on FROM certifications AS c WHERE c.person_id = p.id ORDER BY c.certified_on DESC, c.id DESC LIMIT 1) AS certifiedOn,
      (SELECT c.hmis_user_name FROM certifications AS c WHERE c.person_id = p.id ORDER BY c.certified_on DESC, c.id DESC LIMIT 1) AS hmisUserName
    FROM people AS p JOIN agencies AS a ON a.id = p.agency_id JOIN access_levels AS l ON l.id = p.access_level_id
    WHERE ${dueWhere(f)} ORDER BY p.recert_due_on, p.id LIMIT ${limit} OFFSET ${offset}`;
  const count = sql<{ n: number }>`SELECT count(*) AS n FROM people AS p WHERE ${dueWhere(f)}`;
  return { page: page.compile(db), count: count.compile(db) };
}

export async function listDue(db: Db, f: DueFilter, offset: number, limit: number): Promise<{ total: number; items: DueRecord[] }> {
  const q = dueQueries(db, f, offset, limit);
  const [page, count] = await Promise.all([db.executeQuery(q.page), db.executeQuery(q.count)]);
  return { total: Number(count.rows[0]?.n ?? 0), items: page.rows };
}

/** People due on each day from `from` to `to`: the heat map, a range count of people_by_stage_due. */
export function calendarQuery(db: Db, f: DueFilter) {
  return sql<{ date: string; count: number }>`SELECT p.recert_due_on AS date, count(*) AS count FROM people AS p WHERE ${dueWhere(f)}
    GROUP BY p.recert_due_on ORDER BY p.recert_due_on`.compile(db);
}

export async function calendarCounts(db: Db, f: DueFilter): Promise<{ date: string; count: number }[]> {
  return (await db.executeQuery(calendarQuery(db, f))).rows.map((r) => ({ date: r.date, count: Number(r.count) }));
}
