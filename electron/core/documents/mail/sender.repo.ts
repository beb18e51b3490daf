import type { Db } from '../../db/open-database';

export interface SenderFacts {
  id: number;
  email: string;
  supervisorEmail: string | null;
}

/** The addresses on record for these people: whose own address, whose supervisor's. */
export async function senderFacts(db: Db, personIds: readonly number[]): Promise<SenderFacts[]> {
  if (personIds.length === 0) return [];
  return db.selectFrom('people').select(['id', 'email', 'supervisor_email as supervisorEmail']).where('id', 'in', [...personIds]).execute();
}
