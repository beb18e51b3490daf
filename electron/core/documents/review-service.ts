import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, REJECT_REASON_TEXT, type DocumentRecord, type RejectReason } from '../../../shared/domain/document';
import type { Person } from '../../../shared/domain/person';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { queueMail } from '../mail/queue-mail';
import { getDocument, writeReview } from './documents.repo';
import { longDate } from './words';

type ReviewInput = ParsedInput<'documents.review'>;

export interface ReviewDeps {
  getPerson(id: number): Promise<Person>;
}

/** The reasons in words, then whatever staff wrote: this is what the sender reads. */
export function rejectionText(reasons: readonly RejectReason[], note: string | null): string {
  return [...reasons.map((r) => REJECT_REASON_TEXT[r].sentence), ...(note ? [note] : [])].join(' ');
}

function alreadyReviewed(doc: DocumentRecord): AppError {
  const when = doc.reviewedAt ? ` on ${longDate(doc.reviewedAt)}${doc.reviewedBy ? ` by ${doc.reviewedBy}` : ''}` : '';
  return new AppError('conflict', `This ${DOCUMENT_KIND_LABELS[doc.kind]} is no longer awaiting review: ${DOCUMENT_STATUS_LABELS[doc.status].toLowerCase()}${when}. Reload to see it.`);
}

/**
 * A rejected Staff Verification goes back to the supervisor who signs it; a rejected End User
 * Agreement to the user. Without a supervisor email on the record, the user gets it to pass on.
 */
function rejectionRecipient(doc: DocumentRecord, person: Person) {
  if (doc.kind === 'staff_verification' && person.supervisorEmail) {
    return { to: { address: person.supervisorEmail, name: person.supervisorName }, recipient: { name: person.supervisorName ?? '', isSupervisor: true } };
  }
  return { to: { address: person.email, name: `${person.firstName} ${person.lastName}` }, recipient: { name: '', isSupervisor: false } };
}

async function queueRejection(trx: Db, ctx: CoreContext, doc: DocumentRecord, person: Person, reason: string): Promise<number> {
  const { to, recipient } = rejectionRecipient(doc, person);
  const queued = await queueMail(trx, ctx, {
    template: 'document_rejected',
    personId: person.id,
    to: [to],
    data: { document: { kind: DOCUMENT_KIND_LABELS[doc.kind], fileName: doc.fileName }, reason, recipient },
  });
  return queued.id;
}

export function createReviewService(ctx: CoreContext, deps: ReviewDeps) {
  async function mustGet(id: number): Promise<DocumentRecord> {
    const doc = await getDocument(ctx.db, id);
    if (!doc) throw new AppError('not_found', `There is no document number ${id}. It may have been opened from an old link.`);
    return doc;
  }

  return {
    get: mustGet,

    /**
     * Accept, or reject and email the sender what to fix; the decision, its audit and the email
     * commit together. `notify: false` is for sample data only, whose rejections were "sent" long ago.
     */
    async review(input: ReviewInput, options: { notify?: boolean } = {}): Promise<DocumentRecord> {
      const doc = await mustGet(input.id);
      if (doc.status !== 'in_review') throw alreadyReviewed(doc);
      const reasons = input.decision === 'reject' ? [...new Set(input.reasons)] : [];
      const note = input.decision === 'reject' ? input.note || null : null;
      if (input.decision === 'reject' && reasons.length === 0 && !note) {
        throw new AppError('invalid', 'Choose at least one reason, or write what is wrong, so the sender knows what to fix.', [{ field: 'reasons', message: 'Choose a reason or write a note.' }]);
      }
      const person = await deps.getPerson(doc.personId);
      const status = input.decision === 'accept' ? 'accepted' : 'rejected';
      const now = ctx.clock.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await writeReview(trx, doc.id, { status, at: now, operator: ctx.operator, reasons, note }))) throw alreadyReviewed((await getDocument(trx, doc.id)) as DocumentRecord);
        const mailId = status === 'rejected' && options.notify !== false ? await queueRejection(trx, ctx, doc, person, rejectionText(reasons, note)) : null;
        await insertAudit(trx, {
          at: now,
          operator: ctx.operator,
          action: `document.${status}`,
          entity: 'person',
          entityId: person.id,
          before: { status: doc.status },
          after: { status, ...(status === 'rejected' ? { reasons: reasons.map((r) => REJECT_REASON_TEXT[r].label).join(', '), note, mailId } : {}) },
          note: `${DOCUMENT_KIND_LABELS[doc.kind]} (document #${doc.id}, ${doc.fileName})`,
        });
      });
      ctx.emit('changed', { entities: status === 'rejected' && options.notify !== false ? ['documents', 'people', 'mail'] : ['documents', 'people'] });
      return mustGet(doc.id);
    },
  };
}
