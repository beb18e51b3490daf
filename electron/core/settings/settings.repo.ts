import type { Db } from '../db/open-database';

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/**
 * Replaces a setting only if it still holds `expected` (null: only if it is not set yet), in
 * one statement; false when someone else wrote it first. For settings that are read, changed
 * and written back, so a concurrent save is refused instead of overwritten.
 */
export async function replaceSetting(trx: Db, key: string, expected: string | null, value: string): Promise<boolean> {
  if (expected === null) {
    const inserted = await trx.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await trx.updateTable('settings').set({ value }).where('key', '=', key).where('value', '=', expected).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function putSetting(trx: Db, key: string, value: string): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
