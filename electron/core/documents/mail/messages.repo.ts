import { z } from 'zod';
import { mailAddress, type DocumentMessage } from '../../../../shared/domain/document';
import type { MessageEnvelope } from '../../../../shared/domain/document-mail';
import type { Db } from '../../db/open-database';
import { documentDb } from '../documents-schema';

export interface NewMessage {
  fileName: string;
  sha256: string;
  size: number;
  format: 'eml' | 'msg';
  envelope: MessageEnvelope;
}

interface MessageRow {
  id: number;
  file_name: string;
  file_sha256: string;
  format: string;
  from_address: string | null;
  from_name: string | null;
  to_addrs: string;
  sent_at: string | null;
  subject: string | null;
}

const addressList = z.array(mailAddress);

export function messageOf(row: MessageRow): DocumentMessage {
  const to = addressList.safeParse(JSON.parse(row.to_addrs));
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.file_sha256,
    format: row.format === 'msg' ? 'msg' : 'eml',
    from: row.from_address === null ? null : { address: row.from_address, name: row.from_name ?? '' },
    to: to.success ? to.data : [],
    sentAt: row.sent_at,
    subject: row.subject,
  };
}

const COLUMNS = ['id', 'file_name', 'file_sha256', 'format', 'from_address', 'from_name', 'to_addrs', 'sent_at', 'subject'] as const;

export async function getMessage(db: Db, id: number): Promise<DocumentMessage | undefined> {
  const row = await documentDb(db).selectFrom('document_messages').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && messageOf(row);
}

export async function findMessageBySha(db: Db, sha256: string): Promise<DocumentMessage | undefined> {
  const row = await documentDb(db).selectFrom('document_messages').select(COLUMNS).where('file_sha256', '=', sha256).executeTakeFirst();
  return row && messageOf(row);
}

/** The message's row, written the first time one of its documents is: the same file is one row. */
export async function upsertMessage(trx: Db, message: NewMessage, at: string, operator: string): Promise<number> {
  const { envelope } = message;
  await documentDb(trx)
    .insertInto('document_messages')
    .values({
      file_name: message.fileName,
      file_sha256: message.sha256,
      file_size: message.size,
      format: message.format,
      from_address: envelope.from?.address ?? null,
      from_name: envelope.from?.name || null,
      to_addrs: JSON.stringify(envelope.to),
      sent_at: envelope.sentAt,
      subject: envelope.subject,
      received_at: at,
      received_by: operator,
    })
    .onConflict((oc) => oc.column('file_sha256').doNothing())
    .execute();
  const row = await documentDb(trx).selectFrom('document_messages').select('id').where('file_sha256', '=', message.sha256).executeTakeFirstOrThrow();
  return row.id;
}
