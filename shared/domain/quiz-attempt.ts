import { z } from 'zod';
import { id, isoDate, isoInstant, page, paged, trimmed } from './common';
import { bytes } from './intake';
import { quizKind } from './quiz';

/** How an attempt reached the app. */
export const ATTEMPT_SOURCES = ['hand', 'google_forms', 'microsoft_forms'] as const;
export const attemptSource = z.enum(ATTEMPT_SOURCES);
export type AttemptSource = z.infer<typeof attemptSource>;

export const ATTEMPT_SOURCE_LABELS: Record<AttemptSource, string> = {
  hand: 'Entered by hand',
  google_forms: 'Google Forms import',
  microsoft_forms: 'Microsoft Forms import',
};

export const answer = z.object({
  choices: z.array(z.number().int().min(0)).max(20).default([]),
  text: z.string().max(4000).optional(),
});
export const answers = z.record(z.string(), answer);
export const marks = z.record(z.string(), z.boolean());

export const missedQuestion = z.object({
  questionId: z.string(),
  number: z.number().int(),
  question: z.string(),
  yourAnswer: z.string(),
  correctAnswer: z.string(),
});

export const questionResult = z.object({
  questionId: z.string(),
  number: z.number().int(),
  outcome: z.enum(['correct', 'wrong', 'unanswered', 'unmarked']),
  points: z.number().int(),
  earned: z.number().int(),
});

export const attempt = z.object({
  id,
  personId: id,
  personName: z.string(),
  personEmail: z.string(),
  quizId: id,
  quizTitle: z.string(),
  quizKind,
  quizVersionId: id,
  version: z.number().int(),
  /** Which try this was for this person and quiz: 1 = first attempt. */
  tryNumber: z.number().int(),
  takenOn: isoDate,
  source: attemptSource,
  score: z.number().int(),
  maxScore: z.number().int(),
  percent: z.number().int(),
  passMark: z.number().int(),
  /** Null while short answers wait for hand marks. */
  passed: z.boolean().nullable(),
  results: z.array(questionResult),
  missed: z.array(missedQuestion),
  answers,
  marks,
  resultsSentAt: isoInstant.nullable(),
  gradedAt: isoInstant,
  /** A mistaken attempt voided by staff: kept in history, counted for nothing, never emailed. */
  voided: z.object({ at: isoInstant, by: z.string(), reason: z.string() }).nullable(),
});
export type Attempt = z.infer<typeof attempt>;

export const attemptListInput = z.object({
  personId: id.optional(),
  quizId: id.optional(),
  /** Just these attempts (e.g. the ones an import made). */
  ids: z.array(id).max(500).optional(),
  /** `unsent`: graded, results not sent yet; `needs_marking`: short answers to mark. */
  filter: z.enum(['all', 'unsent', 'needs_marking']).default('all'),
  ...page,
});

export const recordAttemptInput = z.object({
  personId: id,
  quizId: id,
  takenOn: isoDate.optional(),
  answers,
  marks: marks.default({}),
  sendResults: z.boolean().default(false),
});

export const voidAttemptInput = z.object({ id, reason: trimmed('reason', 500) });

export const markAttemptInput = z.object({ id, marks, sendResults: z.boolean().default(false) });

export const sendResultsInput = z.object({
  attemptIds: z.array(id).min(1, 'Choose at least one attempt.').max(10_000),
  /** Send again results already sent; without it those attempts are skipped (no one sends twice by accident). */
  resend: z.boolean().default(false),
});
export const sendResultsOutput = z.object({
  resultEmails: z.number().int(),
  /** The attempts whose results were queued now, and when: the page shows them as sent at once. */
  sent: z.array(z.object({ attemptId: id, resultsSentAt: isoInstant })),
  skipped: z.array(z.object({ attemptId: id, reason: z.string() })),
});

export const MAX_RESPONSES_BYTES = 50 * 1024 * 1024;

/** A responses export and the decisions the person made about what did not match. */
export const responsesSource = z.object({
  fileName: trimmed('file name', 255),
  bytes: bytes.refine((b) => b.byteLength > 0, 'The file is empty.').refine((b) => b.byteLength <= MAX_RESPONSES_BYTES, 'The file is larger than 50 MB.'),
  quizId: id.optional(),
  /** Header text -> question id, or null to ignore the column. Overrides the guess. */
  columns: z.record(z.string(), z.string().nullable()).default({}),
  /** Row number -> person id, or null to skip the row. For rows whose email matched nobody. */
  rows: z.record(z.string(), id.nullable()).default({}),
});

export const unmatchedRow = z.object({ row: z.number().int(), email: z.string(), name: z.string(), takenOn: isoDate.nullable() });
export const columnMatch = z.object({ header: z.string(), questionId: z.string().nullable(), how: z.enum(['text', 'chosen', 'ignored', 'none']) });

export const responsesPreview = z.object({
  format: z.enum(['google_forms', 'microsoft_forms']),
  quizId: id,
  quizTitle: z.string(),
  version: z.number().int(),
  /** Other quizzes whose questions also fit the file, best first, to switch to. */
  otherQuizzes: z.array(z.object({ id, title: z.string(), matched: z.number().int() })),
  rows: z.number().int(),
  matchedRows: z.number().int(),
  alreadyImported: z.number().int(),
  columns: z.array(columnMatch),
  /** Question columns that match no question (for the person to choose or ignore). */
  unmatchedQuestions: z.array(z.string()),
  /** Questions of the quiz no column answers (they count as unanswered). */
  missingQuestions: z.array(z.object({ id: z.string(), number: z.number().int(), text: z.string() })),
  unmatchedRows: z.array(unmatchedRow),
});
export type ResponsesPreview = z.infer<typeof responsesPreview>;

export const responsesImportInput = responsesSource.extend({ sendResults: z.boolean().default(false) });

export const responsesImportResult = z.object({
  graded: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  needsMarking: z.number().int(),
  alreadyImported: z.number().int(),
  unmatchedRows: z.array(unmatchedRow),
  unmatchedQuestions: z.array(z.string()),
  attemptIds: z.array(id),
  resultEmails: z.number().int(),
});
export type ResponsesImportResult = z.infer<typeof responsesImportResult>;

export const quizStats = z.object({
  quizId: id,
  title: z.string(),
  people: z.number().int(),
  attempts: z.number().int(),
  /** Share of people whose first attempt passed, 0–100; null before anyone tried. */
  firstAttemptPassRate: z.number().nullable(),
  /** Mean number of attempts of the people who passed. */
  meanAttemptsToPass: z.number().nullable(),
  attemptsToPass: z.array(z.object({ attempts: z.number().int(), people: z.number().int() })),
  mostMissed: z.array(z.object({ questionId: z.string(), text: z.string(), missed: z.number().int(), answered: z.number().int(), missRate: z.number() })),
});
export type QuizStats = z.infer<typeof quizStats>;

export const attemptsPage = paged(attempt);
