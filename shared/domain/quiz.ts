import { z } from 'zod';
import { id, isoInstant, optionalText, trimmed } from './common';

/**
 * The quiz bank: quizzes per access level and kind, each with numbered versions. A version holds
 * what grading depends on (questions, key, points, pass mark), so an attempt graded against
 * version 2 keeps meaning what it meant after the quiz is edited into version 3.
 */
export const QUIZ_KINDS = ['new_user', 'recertification', 'assessment'] as const;
export const quizKind = z.enum(QUIZ_KINDS);
export type QuizKind = z.infer<typeof quizKind>;

export const QUIZ_KIND_LABELS: Record<QuizKind, string> = {
  new_user: 'New user',
  recertification: 'Recertification',
  assessment: 'Assessment (VI-SPDAT)',
};

export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'short'] as const;
export const questionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionType>;

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: 'Single choice',
  multiple: 'Multiple select',
  true_false: 'True / false',
  short: 'Short answer (marked by hand)',
};

/** True/false questions always offer these two, in this order, so keys and imports agree. */
export const TRUE_FALSE_OPTIONS = ['True', 'False'] as const;

export const DEFAULT_PASS_MARK = 80;

const questionFields = z.object({
  /** Stable within a quiz across versions ("q1"), so statistics can follow a question. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use letters, digits, - and _ for a question id.'),
  type: questionType,
  text: trimmed('question', 600),
  options: z.array(trimmed('option', 300)).max(12, 'Offer at most 12 options.').default([]),
  /** Indexes into `options` of the right answers; empty for short answers. */
  correct: z.array(z.number().int().min(0)).default([]),
  points: z.number().int().min(1, 'A question is worth at least 1 point.').max(100).default(1),
  /** For a short answer: what a good answer says, shown as the correct answer in results. */
  modelAnswer: optionalText('model answer', 600),
});

function checkKey(q: z.output<typeof questionFields>, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
  const distinct = new Set(q.correct);
  if (distinct.size !== q.correct.length) issue('An answer is marked correct twice.', 'correct');
  if (q.correct.some((i) => i >= q.options.length)) issue('A correct answer points to an option that does not exist.', 'correct');
  if (q.type === 'short') {
    if (q.correct.length) issue('A short answer is marked by hand: it has no key.', 'correct');
    return;
  }
  if (q.options.length < 2) issue('Offer at least two options.', 'options');
  if (new Set(q.options.map((o) => o.toLowerCase())).size !== q.options.length) issue('Two options read the same.', 'options');
  if (q.type === 'multiple' && q.correct.length < 1) issue('Mark at least one option correct.', 'correct');
  if (q.type !== 'multiple' && q.correct.length !== 1) issue('Mark exactly one option correct.', 'correct');
}

/** True/false options are fixed; anything typed for them is replaced, so old exports still import. */
export const question = questionFields
  .transform((q) => (q.type === 'true_false' ? { ...q, options: [...TRUE_FALSE_OPTIONS] } : q.type === 'short' ? { ...q, options: [] } : q))
  .superRefine(checkKey);
export type Question = z.output<typeof question>;
export type QuestionInput = z.input<typeof question>;

export const passMark = z.number().int().min(1, 'The pass mark is a percentage from 1 to 100.').max(100, 'The pass mark is a percentage from 1 to 100.');

/** Everything an office writes when it makes or edits a quiz (also the JSON export's shape). */
export const quizDefinition = z
  .object({
    title: trimmed('quiz title', 160),
    kind: quizKind,
    /** Where people take it (a Google Forms or Microsoft Forms link); named in the training email. */
    url: z.union([z.url({ protocol: /^https?$/, message: 'Enter the full link, starting with https://.' }), z.literal('').transform(() => null), z.null()]).default(null),
    directions: z.string().trim().max(2000).default('The quiz is open book. Answer every question, then press Submit.'),
    passMark: passMark.default(DEFAULT_PASS_MARK),
    questions: z.array(question).min(1, 'A quiz needs at least one question.').max(200),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id);
    const dup = ids.find((qid, i) => ids.indexOf(qid) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `Two questions have the id "${dup}".`, path: ['questions'] });
  });
export type QuizDefinition = z.output<typeof quizDefinition>;
export type QuizDefinitionInput = z.input<typeof quizDefinition>;

export const quiz = z.object({
  id,
  title: z.string(),
  kind: quizKind,
  url: z.string().nullable(),
  directions: z.string(),
  /** The current version: what new attempts are graded against. */
  versionId: id,
  version: z.number().int().min(1),
  passMark: z.number().int(),
  questions: z.array(question),
  maxScore: z.number().int(),
  /** Attempts graded against the current version (editing then makes a new version). */
  attempts: z.number().int(),
  versions: z.number().int(),
  archived: z.boolean(),
  updatedAt: isoInstant,
});
export type Quiz = z.infer<typeof quiz>;

export const quizVersion = z.object({ id, quizId: id, version: z.number().int(), passMark: z.number().int(), questions: z.array(question), createdAt: isoInstant });
export type QuizVersion = z.infer<typeof quizVersion>;

export const quizSaveInput = z.object({
  /** Absent: a new quiz. */
  id: id.optional(),
  definition: quizDefinition,
  /** For an edit: the `updatedAt` the editor loaded, so a save over someone else's newer one is refused. */
  expectedUpdatedAt: isoInstant.optional(),
});

/** `quizzes.export`: the file a person saves or mails to another office. */
export const QUIZ_FILE_FORMAT = 'hmis-access-desk/quiz@1';
export const quizFile = z.object({ format: z.literal(QUIZ_FILE_FORMAT), quiz: quizDefinition });
export type QuizFile = z.infer<typeof quizFile>;

/** Total points of a set of questions. */
export const maxScoreOf = (questions: readonly Pick<Question, 'points'>[]) => questions.reduce((sum, q) => sum + q.points, 0);
