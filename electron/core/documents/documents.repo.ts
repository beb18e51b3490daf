import { sql } from 'kysely';
import { documentKind, documentStatus, rejectReason, type DocumentKind, type DocumentRecord, type Finding, type FormValues, type RejectReason } from '../../../shared/domain/document';
import { messageOf } from './mail/messages.repo';
import { fromDb, listFromDb } from '../db/db-enums';
import type { Db } from '../db/open-database';
import { documentDb } from './documents-schema';
import { STORED_FILE_HASHES_SQL } from '../files/stored-file-hashes';

export interface NewDocument {
  personId: number;
  kind: DocumentKind;
  fileName: string;
  sha256: string;
  size: number;
  pageCount: number;
  findings: Finding[];
  values: FormValues;
  replacesId: number | null;
  /** The stored email message it came in, if any. */
  messageId?: number | null;
}

function selectDocuments(db: Db) {
  return documentDb(db)
    .selectFrom('documents as d')
    .innerJoin('people as p', 'p.id', 'd.person_id')
    .leftJoin('document_messages as m', 'm.id', 'd.message_id')
    .select([
      'm.id as messageId',
      'm.file_name as messageFileName',
      'm.file_sha256 as messageSha256',
      'm.format as messageFormat',
      'm.from_address as messageFromAddress',
      'm.from_name as messageFromName',
      'm.to_addrs as messageTo',
      'm.sent_at as messageSentAt',
      'm.subject as messageSubject',
      'd.id',
      'd.person_id as personId',
      sql<string>`p.first_name || ' ' || p.last_name`.as('personName'),
      'd.kind',
      'd.status',
      'd.file_name as fileName',
      'd.file_sha256 as sha256',
      'd.file_size as size',
      'd.page_count as pageCount',
      'd.findings',
      'd.form_values as formValues',
      'd.uploaded_at as uploadedAt',
      'd.uploaded_by as uploadedBy',
      'd.reviewed_at as reviewedAt',
      'd.reviewed_by as reviewedBy',
      'd.reject_reasons as rejectReasons',
      'd.reject_note as rejectNote',
      'd.replaces_id as replacesId',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectDocuments>['executeTakeFirstOrThrow']>>;

function toRecord(row: Row): DocumentRecord {
  const { messageId, messageFileName, messageSha256, messageFormat, messageFromAddress, messageFromName, messageTo, messageSentAt, messageSubject, ...rest } = row;
  const message = messageId === null ? null : messageOf({ id: messageId, file_name: messageFileName ?? '', file_sha256: messageSha256 ?? '', format: messageFormat ?? 'eml', from_address: messageFromAddress, from_name: messageFromName, to_addrs: messageTo ?? '[]', sent_at: messageSentAt, subject: messageSubject });
  return {
    ...rest,
    message,
    kind: fromDb(documentKind, row.kind, 'documents.kind'),
    status: fromDb(documentStatus, row.status, 'documents.status'),
    findings: JSON.parse(row.findings) as Finding[],
    values: JSON.parse(row.formValues) as FormValues,
    rejectReasons: listFromDb(rejectReason, row.rejectReasons, 'documents.reject_reasons'),
  };
}

export async function getDocument(db: Db, id: number): Promise<DocumentRecord | undefined> {
  const row = await selectDocuments(db).where('d.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** Newest first, the replaced ones included: they are the record's history. */
export async function listDocuments(db: Db, personId: number): Promise<DocumentRecord[]> {
  const rows = await selectDocuments(db).where('d.person_id', '=', personId).orderBy('d.id', 'desc').execute();
  return rows.map(toRecord);
}

export async function findBySha(db: Db, sha256: string): Promise<DocumentRecord | undefined> {
  const row = await selectDocuments(db).where('d.file_sha256', '=', sha256).executeTakeFirst();
  return row && toRecord(row);
}

/** The person's current (not replaced) document of a kind, if any. */
export async function currentDocument(db: Db, personId: number, kind: DocumentKind): Promise<DocumentRecord | undefined> {
  const row = await selectDocuments(db).where('d.person_id', '=', personId).where('d.kind', '=', kind).where('d.status', '<>', 'replaced').executeTakeFirst();
  return row && toRecord(row);
}

export async function insertDocument(trx: Db, doc: NewDocument, at: string, operator: string): Promise<number> {
  const row = await documentDb(trx)
    .insertInto('documents')
    .values({
      person_id: doc.personId,
      kind: doc.kind,
      status: 'in_review',
      file_name: doc.fileName,
      file_sha256: doc.sha256,
      file_size: doc.size,
      page_count: doc.pageCount,
      findings: JSON.stringify(doc.findings),
      form_values: JSON.stringify(doc.values),
      uploaded_at: at,
      uploaded_by: operator,
      replaces_id: doc.replacesId,
      message_id: doc.messageId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A rejected document a new upload supersedes: kept, marked, no longer current. */
export async function markReplaced(trx: Db, id: number): Promise<void> {
  await documentDb(trx).updateTable('documents').set({ status: 'replaced' }).where('id', '=', id).where('status', '=', 'rejected').execute();
}

export interface ReviewWrite {
  status: 'accepted' | 'rejected';
  at: string;
  operator: string;
  reasons: RejectReason[];
  note: string | null;
}

/** Records a decision only on a document still awaiting one; returns whether it did. */
export async function writeReview(trx: Db, id: number, review: ReviewWrite): Promise<boolean> {
  const result = await documentDb(trx)
    .updateTable('documents')
    .set({ status: review.status, reviewed_at: review.at, reviewed_by: review.operator, reject_reasons: JSON.stringify(review.reasons), reject_note: review.note })
    .where('id', '=', id)
    .where('status', '=', 'in_review')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every file hash a row still needs (the tables are listed once, in STORED_FILE_HASHES_SQL). */
export async function referencedHashes(db: Db): Promise<Set<string>> {
  const rows = await sql<{ sha256: string | null }>`${sql.raw(STORED_FILE_HASHES_SQL)}`.execute(db);
  return new Set(rows.rows.flatMap((r) => (r.sha256 ? [r.sha256] : [])));
}

export interface PersonFacts {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  accessLevelName: string;
  supervisorName: string | null;
  supervisorEmail: string | null;
}

/** The little attach needs of a person, in one indexed query (no stage: that costs more). */
export async function personFacts(db: Db, id: number): Promise<PersonFacts | undefined> {
  return db
    .selectFrom('people as p')
    .innerJoin('access_levels as l', 'l.id', 'p.access_level_id')
    .select(['p.id', 'p.first_name as firstName', 'p.last_name as lastName', 'p.email', 'l.name as accessLevelName', 'p.supervisor_name as supervisorName', 'p.supervisor_email as supervisorEmail'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
