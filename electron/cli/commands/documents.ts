import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import {
  DOCUMENT_KIND_SHORT,
  DOCUMENT_KINDS,
  DOCUMENT_STATUS_LABELS,
  REJECT_REASON_TEXT,
  REJECT_REASONS,
  type Candidate,
  type DocumentKind,
  type DocumentRecord,
  type Finding,
  type RejectReason,
} from '../../../shared/domain/document';
import { PdfRefusal } from '../../core/documents/pdf/refusals';
import { defineCommand, wholeNumber, type CommandContext } from '../command';
import { readInputFile, type FileLimit } from '../input-file';
import { formatTable } from '../output';
import { isMessageFile } from '../../core/documents/mail/read-message';
import { attachMessageFile, watch } from './documents-mail';

/** One line of `documents attach --json`: what happened to one file. */
interface AttachLine {
  file: string;
  ok: boolean;
  documentId: number | null;
  kind: DocumentKind | 'other' | null;
  personId: number | null;
  personEmail: string | null;
  findings: Finding[];
  candidates: Candidate[];
  error: { code: string; message: string } | null;
  /** For a PDF that came in an email message: its sender, subject and notes. */
  message?: { from: string | null; subject: string | null; notes: string[] };
}

/** `--person 42` or `--person ngozi.okafor@delta.example.org`. */
async function findPerson(ctx: CommandContext, given: string): Promise<{ id: number; email: string }> {
  const number = /^\d+$/.test(given.trim()) ? Number(given.trim()) : null;
  if (number !== null) return ctx.call('people.get', { id: number });
  const page = await ctx.call('people.list', { search: given, limit: 20 });
  const person = page.items.find((p) => p.email.toLowerCase() === given.trim().toLowerCase());
  if (!person) throw new AppError('not_found', `No one with the email ${given} is on the list. Give their number or email exactly, or find them with: npm run cli -- people list --search "${given}"`);
  return person;
}

function parseKind(text: string | undefined): DocumentKind | undefined {
  if (text === undefined) return undefined;
  if ((DOCUMENT_KINDS as readonly string[]).includes(text)) return text as DocumentKind;
  throw new AppError('invalid', `--kind: use ${DOCUMENT_KINDS.join(' or ')} (you typed "${text}").`, [{ field: 'kind', message: 'Unknown kind.' }]);
}

/** The office's size limit (Settings), with the sentence the core gives a file over it. */
async function pdfLimit(ctx: CommandContext): Promise<FileLimit> {
  const { maxMegabytes } = await ctx.call('documents.settings.get', {});
  return { maxBytes: maxMegabytes * 1024 * 1024, tooLarge: (megabytes) => new PdfRefusal('too_large', { megabytes, limitMegabytes: maxMegabytes }).message };
}

interface AttachTo {
  person: { id: number; email: string } | null;
  kind: DocumentKind | undefined;
  limit: FileLimit;
}

async function attachOne(ctx: CommandContext, file: string, { person, kind, limit }: AttachTo): Promise<AttachLine> {
  const line: AttachLine = { file, ok: false, documentId: null, kind: null, personId: null, personEmail: null, findings: [], candidates: [], error: null };
  try {
    const bytes = await readInputFile(file, limit);
    const { document, recognition } = await ctx.call('documents.attach', { fileName: path.basename(file), bytes, personId: person?.id, kind });
    Object.assign(line, { kind: document?.kind ?? recognition.kind, findings: document?.findings ?? recognition.findings, candidates: recognition.candidates });
    if (!document) {
      const names = recognition.candidates.map((c) => `${c.name} <${c.email}> (#${c.personId}, ${Math.round(c.confidence * 100)}%)`).join('; ');
      line.error = { code: 'not_found', message: `Nothing attached: the form does not name anyone on the list with certainty.${names ? ` Possible: ${names}.` : ''} Choose with --person.` };
      return line;
    }
    const email = person?.email ?? recognition.candidates.find((c) => c.personId === document.personId)?.email ?? null;
    return Object.assign(line, { ok: true, documentId: document.id, personId: document.personId, personEmail: email });
  } catch (error) {
    const appError = AppError.from(error);
    line.error = { code: appError.code, message: appError.message };
    return line;
  }
}

const findingWords = (findings: Finding[]) => findings.filter((f) => f.status !== 'ok').map((f) => `${f.label}: ${f.message}`);

function attachHuman(lines: AttachLine[]): string {
  return lines
    .map((l) => {
      const head = l.ok ? `${l.file}: attached as ${DOCUMENT_KIND_SHORT[l.kind as DocumentKind]} to ${l.personEmail ?? `#${l.personId}`} (document #${l.documentId}).` : `${l.file}: ${l.error?.message}`;
      return [head, ...findingWords(l.ok ? l.findings : []).map((w) => `  - ${w}`)].join('\n');
    })
    .join('\n');
}

const attach = defineCommand({
  path: ['documents', 'attach'],
  summary: 'Read signed PDF forms (alone, or in .msg and .eml email messages) and attach them to people’s records.',
  details:
    'Each file is read in an isolated worker, recognised (Staff Verification or End User Agreement), checked and stored. Without --person a file is attached only ' +
    'to the person the form names with certainty (their email on the form); otherwise the candidates are listed and nothing is attached. An email message (.msg from Outlook, .eml) gives one line per PDF ' +
    'attached to it, with its sender kept as evidence. Exit code 1 when any file was not attached.',
  options: {
    file: { type: 'string', value: 'FILE', help: 'The PDF files and email messages (.msg, .eml)', required: true, positional: true, rest: true },
    person: { type: 'string', value: 'ID|EMAIL', help: 'Attach every file to this person (their number or email)' },
    kind: { type: 'string', value: 'KIND', help: 'staff_verification or end_user_agreement, when the form cannot tell (a scan)' },
  },
  examples: ['documents attach "Staff Verification - Okafor.pdf" --person ngozi.okafor@delta.example.org', 'documents attach inbox/*.pdf --json', 'documents attach "Forms for Ngozi.msg"'],
  async run(v, ctx) {
    const to = { person: v.person === undefined ? null : await findPerson(ctx, v.person), kind: parseKind(v.kind), limit: await pdfLimit(ctx) };
    // One file in memory at a time: a folder of scans must not be read in all at once.
    const lines: AttachLine[] = [];
    for (const file of v.file) {
      if (isMessageFile(file)) lines.push(...(await attachMessageFile(ctx, file, to)));
      else lines.push(await attachOne(ctx, file, to));
    }
    return { json: lines, human: attachHuman(lines), exitCode: lines.every((l) => l.ok) ? 0 : 1 };
  },
});

const list = defineCommand({
  path: ['documents', 'list'],
  summary: 'Show a person’s documents, newest first, with their review status and findings.',
  options: { person: { type: 'string', value: 'ID|EMAIL', help: 'The person (their number or email)', required: true } },
  examples: ['documents list --person ngozi.okafor@delta.example.org --json'],
  async run(v, ctx) {
    const docs = await ctx.call('documents.list', { personId: (await findPerson(ctx, v.person)).id });
    const rows = docs.map((d: DocumentRecord) => [String(d.id), DOCUMENT_KIND_SHORT[d.kind], d.fileName, DOCUMENT_STATUS_LABELS[d.status], d.uploadedAt.slice(0, 10), String(d.findings.filter((f) => f.status !== 'ok').length)]);
    return { json: docs, human: docs.length ? formatTable(['#', 'Form', 'File', 'Status', 'Attached', 'To check'], rows) : 'No documents yet.' };
  },
});

/** "missing_signature,illegible" or "Missing signature" -> reasons; anything else is the note. */
function parseReasons(text: string): { reasons: RejectReason[]; note?: string } {
  const parts = text.split(',').map((p) => p.trim().toLowerCase());
  const reasons = parts.map((p) => REJECT_REASONS.find((r) => r === p || REJECT_REASON_TEXT[r].label.toLowerCase() === p));
  if (reasons.every((r) => r !== undefined)) return { reasons: reasons as RejectReason[] };
  return { reasons: [], note: text.trim() };
}

const review = defineCommand({
  path: ['documents', 'review'],
  summary: 'Accept a document, or reject it with a reason (the sender is emailed what to fix).',
  details: `Reasons: ${REJECT_REASONS.join(', ')} (several separated by commas); any other text is sent as the reason in your words.`,
  options: {
    id: { type: 'string', value: 'ID', help: 'The document number (see documents list)', required: true, positional: true },
    accept: { type: 'boolean', help: 'The document is correct' },
    reject: { type: 'string', value: 'REASON', help: 'The document is not correct, and why' },
    note: { type: 'string', value: 'TEXT', help: 'With --reject: more words for the sender' },
  },
  examples: ['documents review 12 --accept', 'documents review 13 --reject missing_signature --note "Sign on page 2."'],
  async run(v, ctx) {
    if (Boolean(v.accept) === (v.reject !== undefined)) throw new AppError('invalid', 'Give either --accept or --reject REASON.', [{ field: 'accept', message: 'Choose one.' }]);
    const id = wholeNumber(v.id, 'id');
    const decision = v.accept ? { id, decision: 'accept' as const } : { id, decision: 'reject' as const, ...parseReasons(v.reject as string), ...(v.note ? { note: v.note } : {}) };
    const doc = await ctx.call('documents.review', decision);
    const emailed = doc.status === 'rejected' ? ' The sender was emailed what to fix (see mail status).' : '';
    return { json: doc, human: `${DOCUMENT_KIND_SHORT[doc.kind]} #${doc.id} of ${doc.personName}: ${DOCUMENT_STATUS_LABELS[doc.status]}.${emailed}` };
  },
});

export const documentCommands = [attach, list, review, watch];
