import { z } from 'zod';
import { id } from '../domain/common';
import { quiz, quizSaveInput, quizVersion } from '../domain/quiz';
import {
  attempt,
  attemptListInput,
  attemptsPage,
  markAttemptInput,
  quizStats,
  recordAttemptInput,
  responsesImportInput,
  responsesImportResult,
  responsesPreview,
  responsesSource,
  sendResultsInput,
  sendResultsOutput,
  voidAttemptInput,
} from '../domain/quiz-attempt';
import { noInput } from './app';
import { call } from './define';

/** Characters of a quiz file (a JSON export); a quiz of a hundred questions is ~50,000. */
export const MAX_QUIZ_FILE_CHARS = 2_000_000;
const quizText = z.object({ fileName: z.string().trim().min(1).max(255), text: z.string().min(1, 'The file is empty.').max(MAX_QUIZ_FILE_CHARS, 'A quiz file is at most 2 MB.') });

export const quizCalls = {
  /** The quiz bank: every quiz with its current version. */
  'quizzes.list': call({ input: noInput, output: z.array(quiz) }),
  'quizzes.get': call({ input: z.object({ id }), output: quiz }),
  /** Every version of a quiz, newest first; attempts keep the version they were graded against. */
  'quizzes.versions': call({ input: z.object({ id }), output: z.array(quizVersion) }),
  /** Makes or edits a quiz; an edit to the questions or pass mark of a quiz with attempts makes a new version. */
  'quizzes.save': call({ input: quizSaveInput, output: quiz }),
  /** Takes a quiz out of use (or back); a quiz a level still uses cannot be archived. */
  'quizzes.archive': call({ input: z.object({ id, archived: z.boolean() }), output: quiz }),
  /** The current version as a JSON file. */
  'quizzes.export': call({ input: z.object({ id }), output: quizText }),
  /** Adds the quiz of a JSON file as a new quiz. */
  'quizzes.import': call({ input: quizText, output: quiz }),
  /** Grades answers entered by hand for a person and quiz, and records the attempt. */
  'quizzes.grade': call({ input: recordAttemptInput, output: attempt }),
  /** Hand marks for an attempt's short answers; regrades it. */
  'quizzes.mark': call({ input: markAttemptInput, output: attempt }),
  /** Voids an attempt entered by mistake: kept in history with the reason, counted for no stage or queue, never emailed. */
  'quizzes.voidAttempt': call({ input: voidAttemptInput, output: attempt }),
  /** Graded attempts, newest first: a person's history, a quiz's, or those whose results were not sent. */
  'quizzes.attempts': call({ input: attemptListInput, output: attemptsPage }),
  /** Reads a Google Forms CSV or Microsoft Forms XLSX export and matches rows to people and columns to questions. Writes nothing. */
  'quizzes.previewResponses': call({ input: responsesSource, output: responsesPreview }),
  /** Grades every matched row at once and records the attempts; the same response imported again is skipped. */
  'quizzes.importResponses': call({ input: responsesImportInput, output: responsesImportResult }),
  /** Queues one quiz-result email an attempt (score, pass/fail, missed questions with correct answers; a fail's has the retake link); results already sent are skipped unless `resend`. */
  'quizzes.sendResults': call({ input: sendResultsInput, output: sendResultsOutput }),
  /** First-attempt pass rate, attempts to pass, and the most-missed questions of a quiz. */
  'quizzes.stats': call({ input: z.object({ id }), output: quizStats }),
};
