import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import type { Candidate, DocumentKind, Finding } from '../../../shared/domain/document';
import type { WatchRunResult } from '../../../shared/domain/document-mail';
import { MAX_MESSAGE_MB } from '../../core/documents/mail/read-message';
import { MailRefusal } from '../../core/documents/mail/mail-refusals';
import { defineCommand, type CommandContext } from '../command';
import { readInputFile } from '../input-file';
import { formatTable } from '../output';

/** One line of `documents attach --json` for a PDF inside a message ("Forms.eml › sv.pdf"). */
export interface MessageLine {
  file: string;
  ok: boolean;
  documentId: number | null;
  kind: DocumentKind | 'other' | null;
  personId: number | null;
  personEmail: string | null;
  findings: Finding[];
  candidates: Candidate[];
  error: { code: string; message: string } | null;
  /** The message's sender and subject, and what else it held. */
  message?: { from: string | null; subject: string | null; notes: string[] };
}

const messageLimit = { maxBytes: MAX_MESSAGE_MB * 1024 * 1024, tooLarge: (megabytes: number) => new MailRefusal('too_large', { megabytes, limitMegabytes: MAX_MESSAGE_MB }).message };

/** A message named to `documents attach`: one line per PDF it held, or one line saying why none was read. */
export async function attachMessageFile(ctx: CommandContext, file: string, to: { person: { id: number; email: string } | null; kind: DocumentKind | undefined }): Promise<MessageLine[]> {
  const blank = { ok: false, documentId: null, kind: null, personId: null, personEmail: null, findings: [], candidates: [] };
  try {
    const bytes = await readInputFile(file, messageLimit);
    const result = await ctx.call('documents.attachMessage', { fileName: path.basename(file), bytes, personId: to.person?.id, kind: to.kind });
    const message = { from: result.envelope.from?.address ?? null, subject: result.envelope.subject, notes: result.notes };
    return result.parts.map((part) => {
      const doc = part.document;
      const candidates = part.recognition?.candidates ?? [];
      const line: MessageLine = { ...blank, file: `${file} › ${part.fileName}`, message, candidates, findings: doc?.findings ?? part.recognition?.findings ?? [], kind: doc?.kind ?? part.recognition?.kind ?? null, error: part.error ? { code: part.error.code, message: part.error.message } : null };
      if (doc) return { ...line, ok: true, documentId: doc.id, personId: doc.personId, personEmail: to.person?.email ?? candidates.find((c) => c.personId === doc.personId)?.email ?? null };
      if (!line.error) {
        const names = candidates.map((c) => `${c.name} <${c.email}> (#${c.personId}, ${Math.round(c.confidence * 100)}%)`).join('; ');
        line.error = part.mismatch
          ? { code: 'conflict', message: `Not attached: the form is for ${part.mismatch.name} (${part.mismatch.email}). Attach it to them with --person ${part.mismatch.email}.` }
          : { code: 'not_found', message: `Nothing attached: the form does not name anyone on the list with certainty.${names ? ` Possible: ${names}.` : ''} Choose with --person.` };
      }
      return line;
    });
  } catch (error) {
    const appError = AppError.from(error);
    return [{ ...blank, file, error: { code: appError.code, message: appError.message }, message: { from: null, subject: null, notes: [] } }];
  }
}

const OUTCOME_WORDS: Record<WatchRunResult['files'][number]['outcome'], string> = {
  attached: 'Attached',
  to_sort: 'To sort',
  duplicate: 'Already attached',
  refused: 'Refused',
  waiting: 'Still being written',
};

export const watch = defineCommand({
  path: ['documents', 'watch'],
  summary: 'Take every PDF, .msg and .eml in the watched folder: attach, put in To sort, or refuse.',
  details:
    'For Task Scheduler (or an Outlook rule that saves attachments into a folder). Each file is read like a dropped one; what names someone with certainty is attached, the rest waits in ' +
    'Pending documents → To sort. Each file then moves to processed/ or refused/ beside a .txt saying why. A file whose size changed in the last 2 seconds is still being written and is left for the next run.',
  options: {
    once: { type: 'boolean', help: 'One pass over the folder, then exit (the only mode from a terminal)', required: true },
    folder: { type: 'string', value: 'DIR', help: 'The folder (default: the one chosen in Settings → Watch a folder)' },
  },
  examples: ['documents watch --once', 'documents watch --once --folder "S:\\HMIS\\Incoming" --json'],
  async run(v, ctx) {
    const result = await ctx.call('documents.watch.run', v.folder ? { folder: v.folder } : {});
    const rows = result.files.map((f) => [f.file, OUTCOME_WORDS[f.outcome], f.message.split('\n').at(-1) ?? '']);
    const human = result.files.length ? formatTable(['File', 'Outcome', 'Why'], rows) : `Nothing to take in ${result.folder}.`;
    return { json: result, human, exitCode: result.files.some((f) => f.outcome === 'refused') ? 1 : 0 };
  },
});
