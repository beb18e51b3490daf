import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Person, personListInput } from '../../../shared/domain/person';
import { addDays } from '../../../shared/calendar-date';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import { selectPeople, toPerson } from './people.repo';
import { ftsPrefixQuery } from './search-terms';
import { stageCondition, stageSql } from './stage.repo';

export type PersonListQuery = z.output<typeof personListInput>;

type Tables = Database & { p: Database['people']; a: Database['agencies']; l: Database['access_levels'] };
type Query<O> = SelectQueryBuilder<Tables, 'p' | 'a' | 'l', O>;

/** FTS5 is SQLite-only: the one place that knows how search-as-you-type is answered. */
function matchingIds(match: string) {
  return sql<number>`(SELECT rowid FROM people_fts WHERE people_fts MATCH ${match})`;
}

/** Sorts that have an index of their own (see migrations 001 and 007). */
const INDEXED_SORTS: ReadonlySet<PersonListQuery['sort']> = new Set(['name', 'email', 'registeredOn', 'stage', 'recertDueOn']);

/**
 * Why the `+`: with a plain `p.id IN (…)` SQLite fetches every match by rowid and sorts them all,
 * which costs 20–40 ms for a one-letter prefix matching a quarter of 100k people. The unary plus
 * hides the rowid from the planner, so it walks the sort index in order, tests each row against a
 * Bloom-filtered match set and stops at the page size: 2–9 ms whatever is typed (see npm run bench).
 */
function searchCondition(input: PersonListQuery, match: string) {
  return INDEXED_SORTS.has(input.sort) ? sql<SqlBool>`+p.id IN ${matchingIds(match)}` : sql<SqlBool>`p.id IN ${matchingIds(match)}`;
}

const NEXT_DAYS = { next_30: 30, next_60: 60, next_90: 90 } as const;

/** The "Due" filter as a range of people_by_stage_due (migration 008): active people only. */
function dueCondition(due: NonNullable<PersonListQuery['due']>, today: string) {
  if (due === 'overdue') return stageCondition('recert_overdue', today);
  if (due === 'lapsed') return stageCondition('lapsed', today);
  return sql<SqlBool>`p.stage = 'active' AND p.recert_due_on >= ${today} AND p.recert_due_on <= ${addDays(today, NEXT_DAYS[due])}`;
}

function applyFilters<O>(query: Query<O>, input: PersonListQuery, match: string | null, today: string): Query<O> {
  let q = query;
  if (input.agencyId !== undefined) q = q.where('p.agency_id', '=', input.agencyId);
  if (input.accessLevelId !== undefined) q = q.where('p.access_level_id', '=', input.accessLevelId);
  if (input.stage !== undefined) q = q.where(stageCondition(input.stage, today));
  if (input.dueWithinDays !== undefined) q = q.where(sql<SqlBool>`p.recert_due_on <= ${addDays(today, input.dueWithinDays)}`);
  if (input.due !== undefined) q = q.where(dueCondition(input.due, today));
  if (match !== null) q = q.where(searchCondition(input, match));
  return q;
}

function applySort<O>(query: Query<O>, input: PersonListQuery, today: string): Query<O> {
  const dir = input.direction === 'desc' ? sql`DESC` : sql`ASC`;
  const byName = sql`p.last_name COLLATE NOCASE ${dir}, p.first_name COLLATE NOCASE ${dir}, p.id ${dir}`;
  const order = {
    name: byName,
    email: sql`p.email COLLATE NOCASE ${dir}`,
    agency: sql`a.name COLLATE NOCASE ${dir}, ${byName}`,
    accessLevel: sql`l.sort_order ${dir}, ${byName}`,
    registeredOn: sql`p.registered_on ${dir}, p.id ${dir}`,
    stage: sql`${stageSql(today)} ${dir}, ${byName}`,
    // Never certified last either way: they have no due date to plan by.
    recertDueOn: sql`p.recert_due_on IS NULL, p.recert_due_on ${dir}, p.id ${dir}`,
  }[input.sort];
  return query.orderBy(order);
}

function countQuery(db: Db, input: PersonListQuery, match: string | null, today: string) {
  const onlySearch = input.agencyId === undefined && input.accessLevelId === undefined && input.stage === undefined && input.dueWithinDays === undefined && input.due === undefined;
  if (match !== null && onlySearch) {
    // Every FTS row is a person, so the index alone answers the count without touching people.
    return sql<{ n: number }>`SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH ${match}`.compile(db);
  }
  // Every filter is on people's own columns and both joins are on NOT NULL foreign keys, so the
  // count needs no join: it walks the smallest index instead of 100k join lookups.
  const base = db.selectFrom('people as p').select((eb) => eb.fn.countAll<number>().as('n'));
  return applyFilters(base as unknown as Query<{ n: number }>, input, match, today).compile();
}

/** Sorts on people's own columns: the page's ids can be chosen without the joins. */
const OWN_COLUMN_SORTS: ReadonlySet<PersonListQuery['sort']> = new Set(['name', 'email', 'registeredOn', 'stage', 'recertDueOn']);

/**
 * Whether the page is chosen first by id. A recertification stage or "Due" filter is a range of
 * the due date, whose people come out of the index in due-date order, not in the page's: SQLite
 * then sorts them all, and computed every listed column (the facts subqueries) for each of them
 * first, 15–25 ms for 2,400 people of 100,000. Choosing the page's 100 ids in a subquery over
 * people_by_stage_due_name (migration 010: the range and the name, so it never leaves the index)
 * leaves the columns to those 100.
 */
function choosesIdsFirst(input: PersonListQuery): boolean {
  const dueRange = input.due !== undefined || (input.stage !== undefined && input.stage !== 'active' && stageIsDueRange(input.stage));
  return dueRange && OWN_COLUMN_SORTS.has(input.sort);
}

const stageIsDueRange = (stage: NonNullable<PersonListQuery['stage']>) => ['recert_due_soon', 'recert_due', 'recert_overdue', 'lapsed'].includes(stage);

/**
 * The two statements behind one list request, as of `today` (the clock's date: a stage may depend
 * on it); exported so the benchmark runs the same SQL raw.
 */
export function listQueries(db: Db, input: PersonListQuery, today: string) {
  const match = input.search ? ftsPrefixQuery(input.search) : null;
  if (choosesIdsFirst(input)) {
    // The inner `p` shadows the outer one, so the same filters and sort apply to it unchanged.
    const ids = applySort(applyFilters(db.selectFrom('people as p').select('p.id') as unknown as Query<{ id: number }>, input, match, today), input, today).limit(input.limit).offset(input.offset);
    const page = applySort(selectPeople(db).where('p.id', 'in', ids), input, today);
    return { page: page.compile(), count: countQuery(db, input, match, today) };
  }
  const page = applySort(applyFilters(selectPeople(db), input, match, today), input, today).limit(input.limit).offset(input.offset);
  return { page: page.compile(), count: countQuery(db, input, match, today) };
}

export async function listPeople(db: Db, input: PersonListQuery, today: string): Promise<{ total: number; items: Person[] }> {
  const queries = listQueries(db, input, today);
  const [page, count] = await Promise.all([db.executeQuery(queries.page), db.executeQuery(queries.count)]);
  return { total: Number(count.rows[0]?.n ?? 0), items: page.rows.map((row) => toPerson(row, today)) };
}
