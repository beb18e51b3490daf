import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Person, personListInput } from '../../../shared/domain/person';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import { selectPeople, toPerson } from './people.repo';
import { ftsPrefixQuery } from './search-terms';
import { stageSql } from './stage-sql';

export type PersonListQuery = z.output<typeof personListInput>;

type Tables = Database & { p: Database['people']; a: Database['agencies']; l: Database['access_levels'] };
type Query<O> = SelectQueryBuilder<Tables, 'p' | 'a' | 'l', O>;

/** FTS5 is SQLite-only: the one place that knows how search-as-you-type is answered. */
function matchingIds(match: string) {
  return sql<number>`(SELECT rowid FROM people_fts WHERE people_fts MATCH ${match})`;
}

function applyFilters<O>(query: Query<O>, input: PersonListQuery, match: string | null): Query<O> {
  let q = query;
  if (input.agencyId !== undefined) q = q.where('p.agency_id', '=', input.agencyId);
  if (input.accessLevelId !== undefined) q = q.where('p.access_level_id', '=', input.accessLevelId);
  if (input.stage !== undefined) q = q.where(sql<SqlBool>`${stageSql()} = ${input.stage}`);
  if (match !== null) q = q.where(sql<SqlBool>`p.id IN ${matchingIds(match)}`);
  return q;
}

function applySort<O>(query: Query<O>, input: PersonListQuery): Query<O> {
  const dir = input.direction === 'desc' ? sql`DESC` : sql`ASC`;
  const byName = sql`p.last_name COLLATE NOCASE ${dir}, p.first_name COLLATE NOCASE ${dir}, p.id ${dir}`;
  const order = {
    name: byName,
    email: sql`p.email COLLATE NOCASE ${dir}`,
    agency: sql`a.name COLLATE NOCASE ${dir}, ${byName}`,
    accessLevel: sql`l.sort_order ${dir}, ${byName}`,
    registeredOn: sql`p.registered_on ${dir}, p.id ${dir}`,
    stage: sql`${stageSql()} ${dir}, ${byName}`,
  }[input.sort];
  return query.orderBy(order);
}

async function countMatching(db: Db, input: PersonListQuery, match: string | null): Promise<number> {
  const onlySearch = input.agencyId === undefined && input.accessLevelId === undefined && input.stage === undefined;
  if (match !== null && onlySearch) {
    // Every FTS row is a person, so the index alone answers the count without touching people.
    const row = await sql<{ n: number }>`SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH ${match}`.execute(db);
    return Number(row.rows[0]?.n ?? 0);
  }
  const base = db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('access_levels as l', 'l.id', 'p.access_level_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  const row = await applyFilters(base, input, match).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listPeople(db: Db, input: PersonListQuery, today: string): Promise<{ total: number; items: Person[] }> {
  const match = input.search ? ftsPrefixQuery(input.search) : null;
  const page = applySort(applyFilters(selectPeople(db), input, match), input).limit(input.limit).offset(input.offset);
  const [rows, total] = await Promise.all([page.execute(), countMatching(db, input, match)]);
  return { total, items: rows.map((row) => toPerson(row, today)) };
}
