import { z } from 'zod';
import { id, isoInstant, trimmed } from './common';
import { bytes } from './intake';

/** The two signed forms every new HMIS user sends. */
export const DOCUMENT_KINDS = ['staff_verification', 'end_user_agreement'] as const;
export const documentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKind>;

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  staff_verification: 'Staff Verification for HMIS Access',
  end_user_agreement: 'HMIS End User Agreement',
};

/** Short names for tight places (table cells, buttons). */
export const DOCUMENT_KIND_SHORT: Record<DocumentKind, string> = {
  staff_verification: 'Staff Verification',
  end_user_agreement: 'End User Agreement',
};

/** What recognition may answer: one of the kinds, or "cannot tell" (a scan, another form). */
export const recognizedKind = z.enum([...DOCUMENT_KINDS, 'other']);
export type RecognizedKind = z.infer<typeof recognizedKind>;

/** `replaced`: a rejected document that a newer upload of the same kind superseded (kept as history). */
export const DOCUMENT_STATUSES = ['in_review', 'accepted', 'rejected', 'replaced'] as const;
export const documentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof documentStatus>;

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  in_review: 'Awaiting review',
  accepted: 'Accepted',
  rejected: 'Rejected',
  replaced: 'Replaced by a newer upload',
};

export const REJECT_REASONS = ['missing_signature', 'background_check_not_confirmed', 'wrong_form_version', 'illegible', 'wrong_person'] as const;
export const rejectReason = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof rejectReason>;

/** Canned reasons: the label staff pick, and the sentence the rejection email carries. */
export const REJECT_REASON_TEXT: Record<RejectReason, { label: string; sentence: string }> = {
  missing_signature: { label: 'Missing signature', sentence: 'The form is not signed. Please sign it where marked and send it again.' },
  background_check_not_confirmed: {
    label: 'Background check not confirmed',
    sentence: 'The box confirming that the background check was completed and passed is not ticked.',
  },
  wrong_form_version: { label: 'Wrong form version', sentence: 'This is not the current version of the form. Please use the form we sent you.' },
  illegible: { label: 'Illegible', sentence: 'We cannot read the form clearly. Please send a clear, complete copy.' },
  wrong_person: { label: 'Wrong person', sentence: 'The form is for a different person than the one registered.' },
};

/** `check`: the reader could not decide; a person has to look at the form. */
export const FINDING_STATUSES = ['ok', 'problem', 'check'] as const;
export const FINDING_KEYS = ['text', 'signature', 'attestation', 'name', 'accessLevel', 'person', 'javascript', 'actions', 'attachments', 'sender'] as const;

export const finding = z.object({
  key: z.enum(FINDING_KEYS),
  status: z.enum(FINDING_STATUSES),
  /** What was checked, e.g. "Supervisor signature". */
  label: z.string(),
  /** What was found, in words: "Signed by James Nguyen", "The box is not ticked". */
  message: z.string(),
});
export type Finding = z.infer<typeof finding>;

/** A person the form may be about, with how sure the match is (1 = certain). */
export const candidate = z.object({
  personId: id,
  name: z.string(),
  email: z.string(),
  agencyName: z.string(),
  confidence: z.number().min(0).max(1),
  /** Why: "email on the form", "name on the form". */
  reason: z.string(),
});
export type Candidate = z.infer<typeof candidate>;

/** Confidence at or above which a document may be attached without anyone choosing the person. */
export const CERTAIN_MATCH = 0.95;
/** Confidence from which a form is taken to name someone (an email on it, or a name only one person has). */
export const NAMED_MATCH = 0.75;

/** The values read off a form, so staff see what the reader saw. */
export const formValues = z.object({
  userName: z.string().nullable(),
  userEmail: z.string().nullable(),
  supervisorName: z.string().nullable(),
  supervisorEmail: z.string().nullable(),
  agency: z.string().nullable(),
  accessLevel: z.string().nullable(),
});
export type FormValues = z.infer<typeof formValues>;

export const recognition = z.object({
  kind: recognizedKind,
  pageCount: z.number().int().min(1),
  hasText: z.boolean(),
  values: formValues,
  candidates: z.array(candidate),
  /** Checks that need no person (signature, attestation); person checks are added on attach. */
  findings: z.array(finding),
});
export type Recognition = z.infer<typeof recognition>;

export const mailAddress = z.object({ address: z.string(), name: z.string() });
export type MailAddress = z.infer<typeof mailAddress>;

/** The email a document came in: kept with it as evidence (who sent it, from which address, when). */
export const documentMessage = z.object({
  id,
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['eml', 'msg']),
  from: mailAddress.nullable(),
  to: z.array(mailAddress),
  /** When the message says it was sent. */
  sentAt: isoInstant.nullable(),
  subject: z.string().nullable(),
});
export type DocumentMessage = z.infer<typeof documentMessage>;

export const documentRecord = z.object({
  id,
  personId: id,
  personName: z.string(),
  kind: documentKind,
  status: documentStatus,
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  pageCount: z.number().int(),
  findings: z.array(finding),
  values: formValues,
  uploadedAt: isoInstant,
  uploadedBy: z.string(),
  reviewedAt: isoInstant.nullable(),
  reviewedBy: z.string().nullable(),
  rejectReasons: z.array(rejectReason),
  rejectNote: z.string().nullable(),
  /** The rejected document this one replaced, if any. */
  replacesId: id.nullable(),
  /** The email message it came in, when it came in one (dropped, or from the watched folder). */
  message: documentMessage.nullable(),
});
export type DocumentRecord = z.infer<typeof documentRecord>;

const pdfBytes = bytes;
const fileName = trimmed('file name', 255);

export const documentReadInput = z.object({ fileName, bytes: pdfBytes });

export const documentAttachInput = z.object({
  fileName,
  bytes: pdfBytes,
  /** Omitted: attach to the person the form names, only when that match is certain. */
  personId: id.optional(),
  /** Staff's choice when the reader cannot tell (a scan) or guessed wrong. */
  kind: documentKind.optional(),
  /**
   * Attach to `personId` even when the form names another person on the list. Without it such a
   * file is not attached: the answer carries `mismatch`, for staff to choose.
   */
  confirmPerson: z.boolean().optional(),
});
export type DocumentAttachInput = z.input<typeof documentAttachInput>;

export const documentAttachResult = z.object({
  /** Null when no person was given and the match was not certain: see `recognition.candidates`. */
  document: documentRecord.nullable(),
  recognition,
  /** Not attached: the form names this other person (by email or by name), not the one given. */
  mismatch: candidate.optional(),
});
export type DocumentAttachResult = z.infer<typeof documentAttachResult>;

export const documentReviewInput = z.discriminatedUnion('decision', [
  z.object({ id, decision: z.literal('accept') }),
  z.object({
    id,
    decision: z.literal('reject'),
    reasons: z.array(rejectReason).max(REJECT_REASONS.length).default([]),
    note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional(),
  }),
]);
export type DocumentReviewInput = z.input<typeof documentReviewInput>;

export const documentFile = z.object({ fileName: z.string(), bytes: pdfBytes });
