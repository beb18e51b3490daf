import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import {
  CERTAIN_MATCH,
  NAMED_MATCH,
  DOCUMENT_KIND_LABELS,
  type Candidate,
  type DocumentAttachResult,
  type DocumentKind,
  type DocumentRecord,
  type Finding,
  type Recognition,
} from '../../../shared/domain/document';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { isUniqueViolation } from '../db/sqlite.repo';
import type { FileStore } from '../files/file-store';
import type { DocumentLimits } from '../../../shared/domain/document-queue';
import { currentDocument, findBySha, insertDocument, markReplaced, personFacts, type PersonFacts } from './documents.repo';
import type { createGroupCommit } from './group-commit';
import { checkPdfBytes } from './pdf/pdf-check';
import type { PdfPool } from './pdf/pdf-pool';
import { createKeyLock } from './key-lock';
import { findCandidates } from './recognition/person-match';
import { formFindings, formValues, personFindings, readForm, type FormReading, type LevelNames } from './recognition/recognize';
import { longDate } from './words';
import { personNotFound } from '../people/person-writes';
import { findMessageBySha, upsertMessage, type NewMessage } from './mail/messages.repo';
import { senderFinding, withSenderEvidence } from './mail/sender-evidence';

/** The email message a PDF came in: kept with the document, and its sender weighed as evidence. */
export interface MessageOrigin {
  message: NewMessage;
  /** The original message, stored by hash beside the PDFs. */
  bytes: Uint8Array;
}

interface AttachDeps {
  files: FileStore;
  pool: PdfPool;
  commit: ReturnType<typeof createGroupCommit>;
  limits(): Promise<DocumentLimits>;
  levels(): Promise<LevelNames[]>;
}

interface Analysis {
  reading: FormReading;
  recognition: Recognition;
}

function duplicateOf(existing: DocumentRecord): AppError {
  return new AppError(
    'duplicate',
    `This file is already attached to ${existing.personName} (${DOCUMENT_KIND_LABELS[existing.kind]}, “${existing.fileName}”) on ${longDate(existing.uploadedAt)}. Nothing was added.`,
  );
}

function blockedBy(current: DocumentRecord): AppError {
  const what = `${current.personName}'s ${DOCUMENT_KIND_LABELS[current.kind]} (“${current.fileName}”)`;
  if (current.status === 'accepted') return new AppError('conflict', `${what} was accepted on ${longDate(current.reviewedAt ?? current.uploadedAt)}, so there is nothing to replace.`);
  return new AppError('conflict', `${what}, attached on ${longDate(current.uploadedAt)}, is still awaiting review. Reject it first if this file should replace it.`);
}

/** The form gives someone else's email as the new user's: worth a loud finding on review. */
function wrongPersonFinding(candidates: Candidate[], person: PersonFacts): Finding[] {
  const top = candidates[0];
  if (!top || top.confidence < CERTAIN_MATCH || top.personId === person.id) return [];
  return [{ key: 'person', status: 'problem', label: 'Right person', message: `The form gives the email of ${top.name} (${top.email}), not ${person.firstName} ${person.lastName}'s.` }];
}

/** Someone else the form names (by email, or by a name only they have), more surely than `personId`. */
export function namedOtherPerson(candidates: readonly Candidate[], personId: number): Candidate | undefined {
  const other = candidates.find((c) => c.personId !== personId && c.confidence >= NAMED_MATCH);
  const self = candidates.find((c) => c.personId === personId);
  return other && (!self || self.confidence < other.confidence) ? other : undefined;
}

/** Another attach won a race for the same file or the same person and kind: say which. */
async function raceLoserIn(ctx: CoreContext, sha256: string, personId: number, kind: DocumentKind): Promise<AppError> {
  const same = await findBySha(ctx.db, sha256);
  if (same) return duplicateOf(same);
  const current = await currentDocument(ctx.db, personId, kind);
  return current ? blockedBy(current) : new AppError('conflict', 'Another document was attached at the same moment. Try again.');
}

export function createAttachService(ctx: CoreContext, deps: AttachDeps) {
  const withKey = createKeyLock();
  const raceLoser = (sha256: string, personId: number, kind: DocumentKind) => raceLoserIn(ctx, sha256, personId, kind);

  /** Size and header checks, then the worker, then recognition; nothing is written. */
  async function analyse(fileName: string, bytes: Uint8Array, origin?: MessageOrigin): Promise<Analysis> {
    const limits = await deps.limits();
    checkPdfBytes(bytes, limits);
    const extract = await deps.pool.read(bytes, limits.maxPages);
    const reading = readForm(extract, fileName);
    const onForm = await findCandidates(ctx.db, reading);
    const candidates = origin ? await withSenderEvidence(ctx.db, reading.kind, origin.message.envelope.from, onForm) : onForm;
    const findings = formFindings(reading, reading.kind);
    return { reading, recognition: { kind: reading.kind, pageCount: extract.pageCount, hasText: reading.hasText, values: formValues(reading), candidates, findings } };
  }

  function chooseKind(reading: FormReading, chosen: DocumentKind | undefined): DocumentKind {
    if (chosen) return chosen;
    if (reading.kind !== 'other') return reading.kind;
    const why = reading.hasText ? 'It does not read as either form' : 'It has no text (a scan)';
    throw new AppError('invalid', `Choose whether this is a Staff Verification or an End User Agreement. ${why}, so the kind could not be told.`, [{ field: 'kind', message: 'Choose the kind of form.' }]);
  }

  /** Writes the file, then the row and its audit in one short transaction; undoes the file on failure. */
  async function mustGetPerson(id: number): Promise<PersonFacts> {
    const person = await personFacts(ctx.db, id);
    if (!person) throw personNotFound(id);
    return person;
  }

  /** The original message goes to the store before the transaction that names it (no slow work inside one). */
  async function storeMessage(origin: MessageOrigin | undefined): Promise<{ existed: boolean } | null> {
    return origin ? deps.files.write(origin.bytes) : null;
  }

  async function store(input: ParsedInput<'documents.attach'>, person: PersonFacts, kind: DocumentKind, analysis: Analysis, origin?: MessageOrigin): Promise<DocumentRecord> {
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    return withKey(sha256, async () => {
      const existing = await findBySha(ctx.db, sha256);
      if (existing) throw duplicateOf(existing);
      const current = await currentDocument(ctx.db, person.id, kind);
      if (current && current.status !== 'rejected') throw blockedBy(current);
      const levels = await deps.levels();
      const findings = [...formFindings(analysis.reading, kind), ...personFindings(analysis.reading, kind, person, levels), ...wrongPersonFinding(analysis.recognition.candidates, person), ...(origin ? [senderFinding(kind, origin.message.envelope.from, person)] : [])];
      const stored = await deps.files.write(input.bytes);
      const storedMessage = await storeMessage(origin).catch(async (error: unknown) => {
        if (!stored.existed && !(await findBySha(ctx.db, sha256))) await deps.files.remove(sha256);
        throw error;
      });
      const now = ctx.clock.now().toISOString();
      const doc = { personId: person.id, kind, fileName: input.fileName, sha256, size: input.bytes.byteLength, pageCount: analysis.recognition.pageCount, findings, values: analysis.recognition.values, replacesId: current?.id ?? null };
      try {
        const id = await deps.commit(async (trx) => {
          if (current) await markReplaced(trx, current.id);
          const messageId = origin ? await upsertMessage(trx, origin.message, now, ctx.operator) : null;
          const id = await insertDocument(trx, { ...doc, messageId }, now, ctx.operator);
          // On the person's timeline: the file in words; which document and which bytes in the note and row.
          const envelope = origin?.message.envelope;
          const sender = envelope ? { from: envelope.from?.address ?? null, subject: envelope.subject, sentAt: envelope.sentAt, message: origin.message.fileName } : {};
          const after = { fileName: doc.fileName, documentId: id, ...(current ? { replacesId: current.id } : {}), ...sender };
          await insertAudit(trx, { at: now, operator: ctx.operator, action: current ? 'document.replaced' : 'document.attached', entity: 'person', entityId: person.id, after, note: DOCUMENT_KIND_LABELS[kind] });
          return id;
        });
        const message = origin ? ((await findMessageBySha(ctx.db, origin.message.sha256)) ?? null) : null;
        const record: DocumentRecord = { ...doc, id, personName: `${person.firstName} ${person.lastName}`, status: 'in_review', uploadedAt: now, uploadedBy: ctx.operator, reviewedAt: null, reviewedBy: null, rejectReasons: [], rejectNote: null, message };
        return record;
      } catch (error) {
        // Only a file this attempt created goes: an identical one already stored belongs to someone else.
        if (!stored.existed && !(await findBySha(ctx.db, sha256))) await deps.files.remove(sha256);
        if (origin && storedMessage && !storedMessage.existed && !(await findMessageBySha(ctx.db, origin.message.sha256))) await deps.files.remove(origin.message.sha256);
        if (isUniqueViolation(error)) throw await raceLoser(sha256, person.id, kind);
        throw error;
      }
    });
  }

  return {
    read: async (input: ParsedInput<'documents.read'>, origin?: MessageOrigin): Promise<Recognition> => (await analyse(input.fileName, input.bytes, origin)).recognition,

    /** `origin`: the PDF came in an email message, which is kept with it. */
    async attach(input: ParsedInput<'documents.attach'>, origin?: MessageOrigin): Promise<DocumentAttachResult> {
      const analysis = await analyse(input.fileName, input.bytes, origin);
      const certain = analysis.recognition.candidates.find((c) => c.confidence >= CERTAIN_MATCH);
      const personId = input.personId ?? certain?.personId;
      if (personId === undefined) return { document: null, recognition: analysis.recognition };
      const person = await mustGetPerson(personId);
      // A file attached before says so first: that answer holds whoever it was dropped on.
      const known = await findBySha(ctx.db, createHash('sha256').update(input.bytes).digest('hex'));
      if (known) throw duplicateOf(known);
      // Dropped on the wrong row: ask before attaching, rather than a "wrong person" finding afterwards.
      const mismatch = input.personId !== undefined && !input.confirmPerson ? namedOtherPerson(analysis.recognition.candidates, personId) : undefined;
      if (mismatch) return { document: null, recognition: analysis.recognition, mismatch };
      const kind = chooseKind(analysis.reading, input.kind);
      const document = await store(input, person, kind, analysis, origin);
      ctx.emit('changed', { entities: ['documents', 'people'] });
      return { document, recognition: analysis.recognition };
    },
  };
}

export type AttachService = ReturnType<typeof createAttachService>;
