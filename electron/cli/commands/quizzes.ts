import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import { QUIZ_KIND_LABELS, type Quiz } from '../../../shared/domain/quiz';
import { MAX_QUIZ_FILE_CHARS } from '../../../shared/contract/quizzes';
import { MAX_RESPONSES_BYTES, type ResponsesImportResult } from '../../../shared/domain/quiz-attempt';
import { plural } from '../../../shared/plural';
import { callCommand, defineCommand, wholeNumber } from '../command';
import { readInputFile } from '../input-file';
import { formatTable } from '../output';

const RESPONSES_LIMIT = { maxBytes: MAX_RESPONSES_BYTES, tooLarge: (mb: number) => `The file is ${mb} MB, larger than the 50 MB a responses export can be.` };
// UTF-8 takes at most 4 bytes a character; the contract then counts the characters themselves.
const QUIZ_FILE_LIMIT = { maxBytes: MAX_QUIZ_FILE_CHARS * 4, tooLarge: (mb: number) => `The file is ${mb} MB; a quiz file is at most 2 MB.` };

function quizId(text: string | undefined, flag: string): number | undefined {
  const id = wholeNumber(text, flag);
  if (id === 0) throw new AppError('invalid', `--${flag}: quiz numbers start at 1. Run "quizzes list" to see them.`);
  return id;
}

function importSummary(r: ResponsesImportResult): string {
  const lines = [`Graded ${r.graded}: ${r.passed} passed, ${r.failed} failed.${r.needsMarking ? ` ${r.needsMarking} wait for short answers to be marked in the app.` : ''}${r.alreadyImported ? ` ${r.alreadyImported} were imported before and were skipped.` : ''}`];
  if (r.resultEmails) lines.push(`Queued ${plural(r.resultEmails, 'result email', 'result emails')} (a fail’s has the retake link).`);
  if (r.unmatchedRows.length) lines.push('', 'Rows whose email matches nobody on the list (decide in the app, or add the person and import again):', formatTable(['Row', 'Email', 'Name'], r.unmatchedRows.map((u) => [String(u.row), u.email, u.name])));
  if (r.unmatchedQuestions.length) lines.push('', `Columns that match no question of the quiz (not graded): ${r.unmatchedQuestions.map((q) => `"${q}"`).join('; ')}`);
  return lines.join('\n');
}

const importResponses = callCommand({
  path: ['quizzes', 'import-responses'],
  summary: 'Grade a Google Forms (CSV) or Microsoft Forms (XLSX) responses export.',
  details:
    'Rows are matched to people by email and columns to questions by their text (case and punctuation do not matter). The quiz is the one whose questions fit the columns best, ' +
    'unless --quiz names it. Responses imported before are skipped, so the whole export can be imported every week. Exit code 1 when some rows or columns matched nothing.',
  options: {
    file: { type: 'string', value: 'FILE', help: 'The responses export (.csv or .xlsx)', required: true, positional: true },
    quiz: { type: 'string', value: 'ID', help: 'The quiz number (see quizzes list)' },
    'send-results': { type: 'boolean', help: 'Queue the result email for each graded attempt (a fail’s has the link to take the quiz again)' },
  },
  examples: ['quizzes import-responses "HMIS New User Quiz (Responses).csv" --json', 'quizzes import-responses responses.xlsx --quiz 3 --send-results'],
  call: 'quizzes.importResponses',
  input: async (v) => ({ fileName: path.basename(v.file), bytes: await readInputFile(v.file, RESPONSES_LIMIT), quizId: quizId(v.quiz, 'quiz'), sendResults: v['send-results'] === true }),
  json: (r) => ({ graded: r.graded, passed: r.passed, failed: r.failed, unmatchedRows: r.unmatchedRows, unmatchedQuestions: r.unmatchedQuestions, needsMarking: r.needsMarking, alreadyImported: r.alreadyImported, resultEmails: r.resultEmails }),
  human: importSummary,
  exitCode: (r) => (r.unmatchedRows.length || r.unmatchedQuestions.length ? 1 : 0),
});

const exportQuiz = defineCommand({
  path: ['quizzes', 'export'],
  summary: 'Save a quiz (its current version) as a JSON file.',
  options: {
    id: { type: 'string', value: 'ID', help: 'The quiz number (see quizzes list)', required: true, positional: true },
    out: { type: 'string', value: 'FILE', help: 'Where to write the JSON file', required: true },
  },
  examples: ['quizzes export 1 --out new-user-quiz.json'],
  async run(v, ctx) {
    const file = await ctx.call('quizzes.export', { id: quizId(v.id, 'id') });
    writeFileSync(v.out, file.text);
    return { json: { file: path.resolve(v.out), fileName: file.fileName }, human: `Saved the quiz to ${path.resolve(v.out)}.` };
  },
});

const importQuiz = callCommand({
  path: ['quizzes', 'import'],
  summary: 'Add the quiz of a JSON file (made by quizzes export) to the quiz bank as a new quiz.',
  options: { file: { type: 'string', value: 'FILE', help: 'The quiz JSON file', required: true, positional: true } },
  examples: ['quizzes import new-user-quiz.json'],
  call: 'quizzes.import',
  input: async (v) => ({ fileName: path.basename(v.file), text: new TextDecoder().decode(await readInputFile(v.file, QUIZ_FILE_LIMIT)) }),
  human: (quiz) => `Added quiz ${quiz.id}: ${quiz.title} (${quiz.questions.length} questions, pass mark ${quiz.passMark}%).`,
});

function quizTable(quizzes: Quiz[]): string {
  const rows = quizzes.map((q) => [String(q.id), q.title, QUIZ_KIND_LABELS[q.kind], String(q.version), String(q.questions.length), `${q.passMark}%`, q.archived ? 'archived' : '']);
  return formatTable(['No.', 'Quiz', 'Kind', 'Version', 'Questions', 'Pass mark', ''], rows);
}

const list = callCommand({ path: ['quizzes', 'list'], summary: 'Show the quiz bank: number, title, kind, version, questions and pass mark.', options: {}, call: 'quizzes.list', human: quizTable });

export const quizCommands = [list, importResponses, exportQuiz, importQuiz];
