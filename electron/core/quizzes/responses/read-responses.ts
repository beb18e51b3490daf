import { hash } from 'node:crypto';
import { AppError } from '../../../../shared/app-error';
import type { Quiz } from '../../../../shared/domain/quiz';
import type { Answers } from '../../../../shared/grading';
import { cleanEmail, parseUsDate } from '../../intake/cell-values';
import type { Table } from '../../intake/read-table';
import { cleanCell } from '../../intake/text-keys';
import { answerParser } from './parse-answer';
import { classifyColumns, matchQuestions, type ResponseColumns, type ResponsesFormat } from './response-columns';

/**
 * A responses file understood against one quiz: which column answers which question (guessed,
 * or as the person chose), and every row with its email, date and parsed answers. No database.
 */
export interface ColumnChoice {
  header: string;
  questionId: string | null;
  how: 'text' | 'chosen' | 'ignored' | 'none';
}

export interface ResponseRow {
  row: number;
  email: string;
  name: string;
  takenOn: string | null;
  answers: Answers;
  /** Same response, same key: a cumulative export imported again grades nothing twice. */
  key: string;
}

export interface ReadResponses {
  format: ResponsesFormat;
  quiz: Quiz;
  otherQuizzes: { id: number; title: string; matched: number }[];
  columns: ColumnChoice[];
  rows: ResponseRow[];
}

export type ColumnOverrides = Readonly<Record<string, string | null>>;

function chooseQuiz(cols: ResponseColumns, quizzes: readonly Quiz[], quizId: number | undefined, fileName: string) {
  const ranked = quizzes
    .filter((q) => !q.archived || q.id === quizId)
    .map((q) => ({ quiz: q, matched: matchQuestions(cols.questions, q.questions).size }))
    .sort((a, b) => b.matched - a.matched || b.quiz.id - a.quiz.id);
  const chosen = quizId === undefined ? ranked[0] : ranked.find((r) => r.quiz.id === quizId);
  if (quizId !== undefined && !chosen) throw new AppError('not_found', `No quiz with number ${quizId} is in the quiz bank. Run "quizzes list" to see the numbers.`);
  if (!chosen || chosen.matched === 0) {
    throw new AppError('invalid', `${fileName}: no column is headed by a question of any quiz in the quiz bank. Choose the quiz, then match its columns to the questions.`, [{ field: 'quizId', message: 'Choose the quiz.' }]);
  }
  const others = ranked.filter((r) => r !== chosen && r.matched > 0).map((r) => ({ id: r.quiz.id, title: r.quiz.title, matched: r.matched }));
  return { quiz: chosen.quiz, others };
}

function columnChoices(cols: ResponseColumns, quiz: Quiz, overrides: ColumnOverrides): ColumnChoice[] {
  const guessed = matchQuestions(cols.questions, quiz.questions);
  const known = new Set(quiz.questions.map((q) => q.id));
  return [...cols.questions].map(([index, header]) => {
    if (Object.prototype.hasOwnProperty.call(overrides, header)) {
      const chosen = overrides[header] ?? null;
      if (chosen !== null && !known.has(chosen)) throw new AppError('invalid', `The quiz has no question "${chosen}" for the column "${header}".`, [{ field: 'columns', message: 'Unknown question.' }]);
      return { header, questionId: chosen, how: chosen === null ? 'ignored' : 'chosen' };
    }
    const questionId = guessed.get(index) ?? null;
    return { header, questionId, how: questionId ? 'text' : 'none' };
  });
}

function responseKey(quizId: number, email: string, cells: readonly string[], idCell: string | null, dateCell: string): string {
  const identity = idCell ? `id:${idCell}` : `at:${dateCell}|${cells.join('\u001f')}`;
  return hash('sha256', `${quizId}\u001e${email.toLowerCase()}\u001e${identity}`, 'hex');
}

export function readResponses(table: Table, fileName: string, quizzes: readonly Quiz[], quizId: number | undefined, overrides: ColumnOverrides): ReadResponses {
  const cols = classifyColumns(table.headers, table.format);
  if ('problem' in cols) throw new AppError('invalid', `${fileName} ${cols.problem}`, [{ field: 'bytes', message: 'No email column.' }]);
  const { quiz, others } = chooseQuiz(cols, quizzes, quizId, fileName);
  const columns = columnChoices(cols, quiz, overrides);
  const indexOf = new Map([...cols.questions.keys()].map((index, i) => [index, columns[i]?.questionId ?? null]));
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const answerCols = [...indexOf].filter((entry): entry is [number, string] => entry[1] !== null).map(([index, qid]) => ({ index, qid, parse: answerParser(byId.get(qid) as Quiz['questions'][number]) }));
  const rows = table.rows.map((r) => {
    const cell = (i: number | null) => (i === null ? '' : cleanCell(r.cells[i] ?? ''));
    const answers: Record<string, NonNullable<Answers[string]>> = {};
    for (const { index, qid, parse } of answerCols) {
      const answer = parse(r.cells[index] ?? '');
      if (answer) answers[qid] = answer;
    }
    const email = cleanEmail(cell(cols.email));
    const dateCell = cell(cols.date);
    const idCell = cols.responseId === null ? null : cell(cols.responseId) || null;
    const key = responseKey(quiz.id, email, answerCols.map((c) => r.cells[c.index] ?? ''), idCell, dateCell);
    return { row: r.number, email, name: cell(cols.name), takenOn: parseUsDate(dateCell), answers, key };
  });
  return { format: cols.format, quiz, otherQuizzes: others, columns, rows };
}
