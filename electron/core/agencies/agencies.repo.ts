import type { Agency } from '../../../shared/domain/agency';
import type { Db } from '../db/open-database';

interface AgencyRow {
  name: string;
  address: string | null;
  phone: string | null;
  contactName: string | null;
  contactEmail: string | null;
}

function agencyQuery(db: Db) {
  return db
    .selectFrom('agencies as a')
    .select([
      'a.id',
      'a.name',
      'a.address',
      'a.phone',
      'a.contact_name as contactName',
      'a.contact_email as contactEmail',
      'a.created_at as createdAt',
      (eb) =>
        eb
          .selectFrom('people as p')
          .whereRef('p.agency_id', '=', 'a.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('peopleCount'),
    ]);
}

export async function listAgencies(db: Db): Promise<Agency[]> {
  const rows = await agencyQuery(db).orderBy(({ ref }) => ref('a.name'), 'asc').execute();
  return rows.map((row) => ({ ...row, peopleCount: Number(row.peopleCount ?? 0) }));
}

export async function getAgency(db: Db, id: number): Promise<Agency | undefined> {
  const row = await agencyQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row && { ...row, peopleCount: Number(row.peopleCount ?? 0) };
}

export async function findAgencyByName(db: Db, name: string): Promise<{ id: number; name: string } | undefined> {
  // The unique index is NOCASE, so this lookup matches it exactly.
  return db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export async function insertAgency(trx: Db, row: AgencyRow, nowIso: string): Promise<number> {
  const result = await trx
    .insertInto('agencies')
    .values({
      name: row.name,
      address: row.address,
      phone: row.phone,
      contact_name: row.contactName,
      contact_email: row.contactEmail,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return result.id;
}

export async function countAgencies(db: Db): Promise<number> {
  const row = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
