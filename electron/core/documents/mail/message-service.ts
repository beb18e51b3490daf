import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/app-error';
import type { ParsedInput } from '../../../../shared/contract';
import type { MessageAttachResult, MessagePart } from '../../../../shared/domain/document-mail';
import type { CoreContext } from '../../context';
import type { AttachService, MessageOrigin } from '../attach-service';
import type { MailPool } from './mail-pool';
import { findMessageBySha } from './messages.repo';
import { readMessage, type MessageReading } from './read-message';

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The message as the attach service keeps it: its name (folders stripped), hash, format and envelope. */
export function originOf(fileName: string, bytes: Uint8Array, reading: MessageReading): MessageOrigin {
  const name = fileName.split(/[\\/]/).at(-1)?.trim() || `message.${reading.format}`;
  return { bytes, message: { fileName: name.slice(0, 255), sha256: sha256Of(bytes), size: bytes.byteLength, format: reading.format, envelope: reading.envelope } };
}

const errorOf = (caught: unknown): MessagePart['error'] => {
  const error = AppError.from(caught);
  return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
};

type AttachInput = ParsedInput<'documents.attachMessage'>;

/**
 * An email message's PDFs, each through the same reading, recognition, checks and storage as a
 * PDF dropped alone, one after another (each is its own document, so one refused PDF does not stop
 * the other). The original message is stored with the first document that names it.
 */
export function createMessageService(ctx: CoreContext, deps: { pool: MailPool; attach: AttachService }) {
  async function result(reading: MessageReading, origin: MessageOrigin, parts: MessagePart[]): Promise<MessageAttachResult> {
    const message = (await findMessageBySha(ctx.db, origin.message.sha256)) ?? null;
    return { envelope: reading.envelope, message, notes: reading.notes, parts };
  }

  return {
    /** Reads a message and attaches its PDFs; `part` limits it to one PDF (a choice after a first try). */
    async attach(input: AttachInput): Promise<MessageAttachResult> {
      const reading = await readMessage(deps.pool, input.bytes);
      const origin = originOf(input.fileName, input.bytes, reading);
      const parts: MessagePart[] = [];
      for (const [index, pdf] of reading.pdfs.entries()) {
        if (input.part !== undefined && input.part !== index) continue;
        try {
          const attached = await deps.attach.attach({ fileName: pdf.fileName, bytes: pdf.bytes, personId: input.personId, kind: input.kind, confirmPerson: input.confirmPerson }, origin);
          parts.push({ index, fileName: pdf.fileName, document: attached.document, recognition: attached.recognition, ...(attached.mismatch ? { mismatch: attached.mismatch } : {}), error: null });
        } catch (caught) {
          parts.push({ index, fileName: pdf.fileName, document: null, recognition: null, error: errorOf(caught) });
        }
      }
      if (input.part !== undefined && parts.length === 0) throw new AppError('not_found', `The message has no PDF number ${input.part + 1}. Drop it again to see its attachments.`);
      return result(reading, origin, parts);
    },

    /** Reads a message and recognises its PDFs, writing nothing. */
    async read(input: ParsedInput<'documents.readMessage'>): Promise<MessageAttachResult> {
      const reading = await readMessage(deps.pool, input.bytes);
      const origin = originOf(input.fileName, input.bytes, reading);
      const parts: MessagePart[] = [];
      for (const [index, pdf] of reading.pdfs.entries()) {
        try {
          parts.push({ index, fileName: pdf.fileName, document: null, recognition: await deps.attach.read({ fileName: pdf.fileName, bytes: pdf.bytes }, origin), error: null });
        } catch (caught) {
          parts.push({ index, fileName: pdf.fileName, document: null, recognition: null, error: errorOf(caught) });
        }
      }
      return result(reading, origin, parts);
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
