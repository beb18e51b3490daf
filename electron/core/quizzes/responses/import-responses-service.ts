import { AppError } from '../../../../shared/app-error';
import type { ParsedInput } from '../../../../shared/contract';
import type { ResponsesImportResult, ResponsesPreview } from '../../../../shared/domain/quiz-attempt';
import { grade } from '../../../../shared/grading';
import { insertAuditBatch } from '../../audit/audit.repo';
import type { CoreContext } from '../../context';
import { mapYielding } from '../../db/yield-budget';
import { readTable } from '../../intake/read-table';
import { existingResponseKeys, getAttempts, insertAttempts, type NewAttempt } from '../attempts.repo';
import { holdQuizAsRead, listQuizzes } from '../quizzes.repo';
import { queueResults } from '../results-mail';
import { readResponses, type ReadResponses, type ResponseRow } from './read-responses';
import { existingPeople, peopleByEmail } from './responses.repo';

/** Attempts recorded per step of the transaction, each step reported as `progress`. */
const RECORD_SLICE = 2_000;

type Source = ParsedInput<'quizzes.previewResponses'>;

interface Matched {
  read: ReadResponses;
  /** Rows with their person, not imported before, in the order they were taken. */
  toGrade: { row: ResponseRow; personId: number }[];
  alreadyImported: number;
  unmatchedRows: ResponsesImportResult['unmatchedRows'];
}

/** Rows to people: by email, or as the person decided for a row whose email matched nobody. */
async function match(ctx: CoreContext, input: Source): Promise<Matched> {
  const table = await readTable(input.fileName, input.bytes);
  const read = readResponses(table, input.fileName, await listQuizzes(ctx.db), input.quizId, input.columns);
  const byEmail = await peopleByEmail(ctx.db, read.rows.map((r) => r.email));
  const chosen = await existingPeople(ctx.db, Object.values(input.rows).filter((v): v is number => v !== null));
  const seen = await existingResponseKeys(ctx.db, read.rows.map((r) => r.key));
  const toGrade: Matched['toGrade'] = [];
  const unmatchedRows: Matched['unmatchedRows'] = [];
  let alreadyImported = 0;
  for (const row of read.rows) {
    const decided = input.rows[String(row.row)];
    const personId = decided !== undefined ? decided : (byEmail.get(row.email.toLowerCase()) ?? undefined);
    if (personId === null) continue; // the person chose to skip this row
    if (personId === undefined || (decided !== undefined && !chosen.has(personId))) {
      unmatchedRows.push({ row: row.row, email: row.email, name: row.name, takenOn: row.takenOn });
    } else if (seen.has(row.key)) alreadyImported += 1;
    else toGrade.push({ row, personId });
  }
  // ISO dates sort as plain strings; localeCompare would cost more than grading them all.
  const byDate = (x: string | null, y: string | null) => ((x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0);
  toGrade.sort((a, b) => byDate(a.row.takenOn, b.row.takenOn) || a.row.row - b.row.row);
  return { read, toGrade, alreadyImported, unmatchedRows };
}

function unmatchedQuestions(read: ReadResponses): string[] {
  return read.columns.filter((c) => c.how === 'none').map((c) => c.header);
}

export function createImportResponsesService(ctx: CoreContext) {
  async function preview(input: Source): Promise<ResponsesPreview> {
    const m = await match(ctx, input);
    const answered = new Set(m.read.columns.map((c) => c.questionId));
    return {
      format: m.read.format,
      quizId: m.read.quiz.id,
      quizTitle: m.read.quiz.title,
      version: m.read.quiz.version,
      otherQuizzes: m.read.otherQuizzes,
      rows: m.read.rows.length,
      matchedRows: m.toGrade.length + m.alreadyImported,
      alreadyImported: m.alreadyImported,
      columns: m.read.columns,
      unmatchedQuestions: unmatchedQuestions(m.read),
      missingQuestions: m.read.quiz.questions.flatMap((q, i) => (answered.has(q.id) ? [] : [{ id: q.id, number: i + 1, text: q.text }])),
      unmatchedRows: m.unmatchedRows,
    };
  }

  /** Every matched row graded at once, the attempts (and result emails if asked) in one transaction. */
  async function importResponses(input: ParsedInput<'quizzes.importResponses'>): Promise<ResponsesImportResult> {
    const m = await match(ctx, input);
    const quiz = m.read.quiz;
    const today = ctx.clock.today();
    const job = 'quizzes.importResponses';
    const total = m.toGrade.length;
    const gradingLabel = `Grading ${input.fileName}`;
    const attempts: NewAttempt[] = await mapYielding(m.toGrade, ({ row, personId }) => ({
      personId,
      quizId: quiz.id,
      quizVersionId: quiz.versionId,
      takenOn: row.takenOn ?? today,
      source: m.read.format,
      answers: row.answers,
      marks: {},
      grade: grade(quiz, row.answers),
      responseKey: row.key,
    }), (done) => ctx.emit('progress', { job, label: gradingLabel, done, total }));
    const now = ctx.clock.now().toISOString();
    // Graded, nothing written yet: a quiz edit from here on must not rewrite the version graded against.
    ctx.emit('progress', { job, label: `Recording ${input.fileName}`, done: 0, total });
    const { ids, sent } = await ctx.db.transaction().execute(async (trx) => {
      if (!(await holdQuizAsRead(trx, quiz.id, quiz.updatedAt))) {
        throw new AppError('conflict', `${quiz.title} was changed while the responses were being graded, so nothing was recorded. Import ${input.fileName} again to grade them against the quiz as it is now.`);
      }
      const newIds: number[] = [];
      // Slices a multiple of the writers' chunks (400 attempts, 500 audits), so each statement shape is compiled once per slice.
      for (let i = 0; i < attempts.length; i += RECORD_SLICE) {
        const part = attempts.slice(i, i + RECORD_SLICE);
        const ids = await insertAttempts(trx, part, now);
        await insertAuditBatch(
          trx,
          part.map((a, k) => ({ at: now, operator: ctx.operator, action: 'quiz.graded', entity: 'person' as const, entityId: a.personId, after: { attemptId: ids[k], quiz: quiz.title, version: quiz.version, percent: a.grade.percent, passed: a.grade.passed, source: a.source } })),
        );
        newIds.push(...ids);
        ctx.emit('progress', { job, label: `Recording ${input.fileName}`, done: newIds.length, total });
      }
      const results = input.sendResults ? await queueResults(trx, ctx, await getAttempts(trx, newIds), new Map([[quiz.id, quiz.url]])) : null;
      return { ids: newIds, sent: results };
    });
    ctx.emit('progress', { job, label: `Graded ${input.fileName}`, done: total, total });
    ctx.emit('changed', { entities: ['people', 'quizzes', ...(sent ? (['mail'] as const) : [])] });
    const passed = attempts.filter((a) => a.grade.passed === true).length;
    const failed = attempts.filter((a) => a.grade.passed === false).length;
    return {
      graded: passed + failed,
      passed,
      failed,
      needsMarking: attempts.length - passed - failed,
      alreadyImported: m.alreadyImported,
      unmatchedRows: m.unmatchedRows,
      unmatchedQuestions: unmatchedQuestions(m.read),
      attemptIds: ids,
      resultEmails: sent?.resultEmails ?? 0,
    };
  }

  return { preview, importResponses };
}
