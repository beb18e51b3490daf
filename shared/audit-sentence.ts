import type { AuditEntry } from './domain/audit';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from './domain/document';
import { REQUEST_TYPE_LABELS, type RequestType } from './domain/person';

/** Names the history needs to turn ids into words; an unknown id reads "#3". */
export interface AuditNames {
  agencyName(id: number): string | undefined;
  accessLevelName(id: number): string | undefined;
  quizTitle(id: number): string | undefined;
}

export interface AuditSentences {
  /** What happened, as sentences a person reads ("Accepted the Staff Verification."). */
  sentences: string[];
  /** Whether the entry's note is already in the sentences (so it is not shown twice). */
  noteUsed: boolean;
}

type Entry = Pick<AuditEntry, 'action' | 'entity' | 'before' | 'after' | 'note'>;

const FIELD_WORDS: Record<string, string> = {
  firstName: 'first name', lastName: 'last name', email: 'email', phone: 'phone', agencyId: 'agency', accessLevelId: 'access level',
  previousAccessLevelId: 'previous access level', requestType: 'request type', supervisorName: 'supervisor name', supervisorEmail: 'supervisor email',
  registeredOn: 'registration date', notes: 'notes', status: 'status',
};
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A document that came in an email: who sent it, and the subject, are part of its history. */
function byEmail(after: Record<string, unknown> | null | undefined): string[] {
  if (!after?.message) return [];
  const subject = str(after.subject);
  return [`It came by email from ${str(after.from) || 'an unknown sender'}${subject ? ` (“${subject}”)` : ''}.`];
}
const list = (v: unknown) => (Array.isArray(v) ? v : []);
const words = (text: string) => text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function valueWords(field: string, value: unknown, names: AuditNames): string {
  if (field === 'agencyId' && typeof value === 'number') return names.agencyName(value) ?? `agency #${value}`;
  if (field.endsWith('ccessLevelId') && typeof value === 'number') return names.accessLevelName(value) ?? `access level #${value}`;
  if (field === 'requestType') return REQUEST_TYPE_LABELS[value as RequestType] ?? String(value);
  if (field === 'registeredOn' && typeof value === 'string') return dateFormat.format(new Date(`${value}T12:00:00Z`));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  if (field === 'status') return words(String(value));
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** "Changed email from a@x to b@x." — one sentence per field; set and cleared read as such. */
function changeSentences(before: Record<string, unknown> | null, after: Record<string, unknown> | null, names: AuditNames): string[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => f !== 'requestId' && f !== 'mailId');
  return fields.map((field) => {
    const label = FIELD_WORDS[field] ?? words(field);
    const was = before?.[field];
    const now = after?.[field];
    const empty = (v: unknown) => v === null || v === undefined || v === '';
    if (empty(was) && empty(now)) return `Left ${label} empty.`;
    if (empty(was)) return `Set ${label} to ${valueWords(field, now, names)}.`;
    if (empty(now)) return `Cleared ${label} (was ${valueWords(field, was, names)}).`;
    return `Changed ${label} from ${valueWords(field, was, names)} to ${valueWords(field, now, names)}.`;
  });
}

/** The document kind from a review note "Staff Verification for HMIS Access (document #3, sv.pdf)". */
const kindOf = (note: string | null) => (note ?? 'document').replace(/ \(document #.*$/, '');
const scoreWords = (percent: unknown, passed: unknown) => `${typeof percent === 'number' ? `${percent}%, ` : ''}${passed ? 'passed' : 'not passed'}`;

type Builder = (e: Entry, names: AuditNames) => string[] | AuditSentences;

const BUILDERS: Record<string, Builder> = {
  'person.registered': (e, n) => {
    const a = e.after ?? {};
    return typeof a.agencyId === 'number' && typeof a.accessLevelId === 'number' ? [`Registered at ${valueWords('agencyId', a.agencyId, n)} as ${valueWords('accessLevelId', a.accessLevelId, n)}.`] : ['Registered.'];
  },
  'person.updated': (e, n) => changeSentences(e.before, e.after, n),
  'person.merged': () => ['Merged with another record of the same person.'],
  'person.not_duplicate': () => ['Marked as a different person from a possible duplicate.'],
  'request.opened': (e, n) => {
    const a = e.after ?? {};
    const type = REQUEST_TYPE_LABELS[a.requestType as RequestType] ?? 'a';
    const level = typeof a.accessLevelId === 'number' ? ` for ${valueWords('accessLevelId', a.accessLevelId, n)}` : '';
    return { sentences: [`Opened a request: ${type}${level}.`], noteUsed: e.note === type };
  },
  'request.updated': (e) => ({ sentences: [`Marked the ${e.note ? `${e.note.toLowerCase()} ` : ''}request ${words(str(e.after?.status))}${e.after?.note ? `: ${str(e.after.note)}` : ''}.`], noteUsed: true }),
  'training.sent': (e, n) => {
    const materials = list(e.after?.materials).map(String);
    const quizzes = list(e.after?.quizzes).map((id) => (typeof id === 'number' ? (n.quizTitle(id) ?? `quiz #${id}`) : String(id)));
    return [`Sent training${materials.length ? `: ${materials.join(', ')}` : ''}${quizzes.length ? ` — quizzes: ${quizzes.join(', ')}` : ''}.`];
  },
  'quiz.graded': (e) => [`Graded the ${str(e.after?.quiz) || 'quiz'}: ${scoreWords(e.after?.percent, e.after?.passed)}.`],
  'quiz.marked': (e) => [`Changed the quiz score from ${scoreWords(e.before?.percent, e.before?.passed)} to ${scoreWords(e.after?.percent, e.after?.passed)}.`],
  'quiz.results_sent': (e) => [`Sent the ${str(e.after?.quiz) || 'quiz'} results (${scoreWords(e.after?.percent, e.after?.passed)}).`],
  'credentials.issued': (e) => {
    const user = str(e.after?.username);
    return [e.after?.newPassword === false ? `Updated HMIS access for ${user} (no new password).` : `Issued credentials: user name ${user}${e.after?.mailId ? ', temporary password emailed' : ''}.`];
  },
  'document.attached': (e) => ({ sentences: [`Attached the ${e.note ?? 'document'}: ${str(e.after?.fileName)}.`, ...byEmail(e.after)], noteUsed: true }),
  'document.replaced': (e) => ({ sentences: [`Replaced the ${e.note ?? 'document'} with ${str(e.after?.fileName)}.`, ...byEmail(e.after)], noteUsed: true }),
  'document.accepted': (e) => ({ sentences: [`Accepted the ${kindOf(e.note)}.`], noteUsed: true }),
  'document.rejected': (e) => {
    const reasons = [str(e.after?.reasons), str(e.after?.note)].filter(Boolean).join('. ');
    return { sentences: [`Rejected the ${kindOf(e.note)}${reasons ? `: ${reasons}` : ''}.`, ...(e.after?.mailId ? ['Emailed what to fix.'] : [])], noteUsed: true };
  },
  'documents.reminded': (e) => {
    const missing = list(e.after?.missing).map((k) => DOCUMENT_KIND_LABELS[k as DocumentKind] ?? String(k));
    return [`Sent a reminder for the missing ${missing.join(' and ') || 'documents'}.`];
  },
};

/** One history entry in sentences, built from what the audit row holds: action, entity, before, after. */
export function auditSentences(entry: Entry, names: AuditNames): AuditSentences {
  const builder = BUILDERS[entry.action];
  if (builder) {
    const built = builder(entry, names);
    return Array.isArray(built) ? { sentences: built, noteUsed: false } : built;
  }
  // An action a later feature adds: its name in words, then what changed.
  const verb = capital(words(entry.action.split('.').pop() ?? entry.action));
  return { sentences: [`${verb}.`, ...changeSentences(entry.before, entry.after, names)], noteUsed: false };
}
