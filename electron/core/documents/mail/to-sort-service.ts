import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/app-error';
import type { ParsedInput } from '../../../../shared/contract';
import type { DocumentAttachResult, DocumentMessage, Recognition } from '../../../../shared/domain/document';
import { insertAudit } from '../../audit/audit.repo';
import type { CoreContext } from '../../context';
import type { FileStore } from '../../files/file-store';
import type { AttachService, MessageOrigin } from '../attach-service';
import { upsertMessage } from './messages.repo';
import { deleteToSort, getToSort, insertToSort } from './to-sort.repo';

const notFound = (id: number) => new AppError('not_found', `File to sort number ${id} is no longer waiting: someone has attached or removed it. Reload the list.`);

/** A stored message as the attach service takes it again: its bytes are in the file store. */
async function originOfStored(files: FileStore, message: DocumentMessage): Promise<MessageOrigin> {
  const bytes = await files.read(message.sha256);
  return { bytes, message: { fileName: message.fileName, sha256: message.sha256, size: bytes.byteLength, format: message.format, envelope: { from: message.from, to: message.to, sentAt: message.sentAt, subject: message.subject } } };
}

/**
 * Files from the watched folder that matched no one with certainty wait in "To sort" until staff
 * choose the person. Their bytes (and the message they came in) are stored like documents' bytes.
 */
export function createToSortService(ctx: CoreContext, deps: { files: FileStore; attach: AttachService }) {
  return {
    /** Keeps a PDF no one could be matched to; the same file twice is one row. */
    async add(pdf: { fileName: string; bytes: Uint8Array }, recognition: Recognition, origin: MessageOrigin | undefined, source: string): Promise<{ id: number; added: boolean }> {
      const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
      await deps.files.write(pdf.bytes);
      if (origin) await deps.files.write(origin.bytes);
      const now = ctx.clock.now().toISOString();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const messageId = origin ? await upsertMessage(trx, origin.message, now, ctx.operator) : null;
        const row = await insertToSort(trx, { fileName: pdf.fileName, sha256, size: pdf.bytes.byteLength, messageId, recognition, source }, now, ctx.operator);
        if (row.added) await insertAudit(trx, { at: now, operator: ctx.operator, action: 'document.to_sort', entity: 'document_to_sort', entityId: row.id, after: { fileName: pdf.fileName, source }, note: 'No certain match: waiting in To sort' });
        return row;
      });
      if (row.added) ctx.emit('changed', { entities: ['documents'] });
      return row;
    },

    async attach(input: ParsedInput<'documents.toSort.attach'>): Promise<DocumentAttachResult> {
      const item = await getToSort(ctx.db, input.id);
      if (!item) throw notFound(input.id);
      const bytes = await deps.files.read(item.sha256);
      const origin = item.message ? await originOfStored(deps.files, item.message) : undefined;
      const result = await deps.attach.attach({ fileName: item.fileName, bytes, personId: input.personId, kind: input.kind, confirmPerson: input.confirmPerson }, origin);
      if (result.document) {
        // Attached: the row goes. Lost to someone else at the same moment, it is already gone.
        await ctx.db.transaction().execute(async (trx) => {
          if (await deleteToSort(trx, item.id)) await insertAudit(trx, { at: ctx.clock.now().toISOString(), operator: ctx.operator, action: 'document.sorted', entity: 'document_to_sort', entityId: item.id, after: { documentId: result.document?.id ?? null, personId: input.personId } });
        });
        ctx.emit('changed', { entities: ['documents', 'people'] });
      }
      return result;
    },

    async dismiss(id: number): Promise<Record<string, never>> {
      const item = await getToSort(ctx.db, id);
      if (!item) throw notFound(id);
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await deleteToSort(trx, id))) throw notFound(id);
        await insertAudit(trx, { at: ctx.clock.now().toISOString(), operator: ctx.operator, action: 'document.to_sort_dismissed', entity: 'document_to_sort', entityId: id, before: { fileName: item.fileName, source: item.source } });
      });
      ctx.emit('changed', { entities: ['documents'] });
      return {};
    },
  };
}

export type ToSortService = ReturnType<typeof createToSortService>;
