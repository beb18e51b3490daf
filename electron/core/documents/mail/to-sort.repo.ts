import { recognition as recognitionSchema, type Recognition } from '../../../../shared/domain/document';
import type { ToSortItem } from '../../../../shared/domain/document-mail';
import type { Db } from '../../db/open-database';
import { documentDb } from '../documents-schema';
import { getMessage } from './messages.repo';

export interface NewToSort {
  fileName: string;
  sha256: string;
  size: number;
  messageId: number | null;
  recognition: Recognition;
  source: string;
}

/** Adds a file to sort; the same file already waiting keeps its row. Returns the row's id. */
export async function insertToSort(trx: Db, row: NewToSort, at: string, operator: string): Promise<{ id: number; added: boolean }> {
  const inserted = await documentDb(trx)
    .insertInto('documents_to_sort')
    .values({ file_name: row.fileName, file_sha256: row.sha256, file_size: row.size, message_id: row.messageId, recognition: JSON.stringify(row.recognition), source: row.source, added_at: at, added_by: operator })
    .onConflict((oc) => oc.column('file_sha256').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, added: true };
  const existing = await documentDb(trx).selectFrom('documents_to_sort').select('id').where('file_sha256', '=', row.sha256).executeTakeFirstOrThrow();
  return { id: existing.id, added: false };
}

function select(db: Db) {
  return documentDb(db).selectFrom('documents_to_sort').select(['id', 'file_name', 'file_sha256', 'file_size', 'message_id', 'recognition', 'source', 'added_at']);
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

async function toItem(db: Db, row: Row): Promise<ToSortItem> {
  const message = row.message_id === null ? null : ((await getMessage(db, row.message_id)) ?? null);
  return { id: row.id, fileName: row.file_name, sha256: row.file_sha256, size: row.file_size, recognition: recognitionSchema.parse(JSON.parse(row.recognition)), message, source: row.source, addedAt: row.added_at };
}

/** Oldest first: the files that have waited longest. A few dozen at most, so each message is looked up. */
export async function listToSort(db: Db): Promise<ToSortItem[]> {
  const rows = await select(db).orderBy('id').limit(500).execute();
  return Promise.all(rows.map((row) => toItem(db, row)));
}

export async function getToSort(db: Db, id: number): Promise<ToSortItem | undefined> {
  const row = await select(db).where('id', '=', id).executeTakeFirst();
  return row && toItem(db, row);
}

export async function countToSort(db: Db): Promise<number> {
  const row = await documentDb(db).selectFrom('documents_to_sort').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes a row only if it is still there: true when this call removed it. */
export async function deleteToSort(trx: Db, id: number): Promise<boolean> {
  const result = await documentDb(trx).deleteFrom('documents_to_sort').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
