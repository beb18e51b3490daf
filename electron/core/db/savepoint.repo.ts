import { sql } from 'kysely';
import type { Db } from './open-database';

type SavepointOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `write` inside a SAVEPOINT of the caller's open transaction: if it throws, only its own
 * writes are undone and the transaction goes on. The write's error is returned, not thrown, so
 * the caller can tell it from a failure of the savepoint statements themselves (those throw).
 */
export async function inSavepoint<T>(trx: Db, write: (trx: Db) => Promise<T>): Promise<SavepointOutcome<T>> {
  await sql`SAVEPOINT one_write`.execute(trx);
  try {
    const value = await write(trx);
    await sql`RELEASE one_write`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`ROLLBACK TO one_write`.execute(trx);
    await sql`RELEASE one_write`.execute(trx);
    return { ok: false, error };
  }
}
