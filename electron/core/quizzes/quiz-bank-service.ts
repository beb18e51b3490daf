import { AppError } from '../../../shared/app-error';
import { QUIZ_FILE_FORMAT, quizFile, type Quiz, type QuizDefinition, type QuizVersion } from '../../../shared/domain/quiz';
import { parseOrThrow } from '../../../shared/domain/zod-messages';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { getQuiz, insertQuiz, insertVersion, levelsUsingQuiz, listQuizzes, listVersions, rewriteVersion, setArchived, updateQuizRow } from './quizzes.repo';

/** Grading depends on these; a change to them on a quiz with attempts makes a new version. */
const gradingPart = (q: Pick<QuizDefinition, 'passMark' | 'questions'>) => JSON.stringify({ passMark: q.passMark, questions: q.questions });

export function definitionOf(quiz: Quiz): QuizDefinition {
  const { title, kind, url, directions, passMark, questions } = quiz;
  return { title, kind, url, directions, passMark, questions };
}

export function quizFileName(quiz: Pick<Quiz, 'title'>): string {
  const slug = quiz.title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60);
  return `${slug || 'quiz'}.quiz.json`;
}

export async function mustGetQuiz(db: Db, id: number): Promise<Quiz> {
  const quiz = await getQuiz(db, id);
  if (!quiz) throw new AppError('not_found', `No quiz with number ${id} is in the quiz bank. Run "quizzes list" to see the quizzes and their numbers.`);
  return quiz;
}

export function createQuizBankService(ctx: CoreContext) {
  const audit = (trx: Db, action: string, id: number, after: Record<string, unknown>, before?: Record<string, unknown>) =>
    insertAudit(trx, { at: ctx.clock.now().toISOString(), operator: ctx.operator, action, entity: 'quiz', entityId: id, before: before ?? null, after });

  async function create(def: QuizDefinition, note: string): Promise<Quiz> {
    const now = ctx.clock.now().toISOString();
    const id = await ctx.db.transaction().execute(async (trx) => {
      const newId = await insertQuiz(trx, def, now);
      await audit(trx, 'quiz.created', newId, { title: def.title, kind: def.kind, questions: def.questions.length, note });
      return newId;
    });
    ctx.emit('changed', { entities: ['quizzes'] });
    return mustGetQuiz(ctx.db, id);
  }

  const changedMeanwhile = (quiz: Quiz) =>
    new AppError('conflict', `Someone else changed the quiz ${quiz.title} while you were editing it. Reload to see their change, then make yours again.`);

  /**
   * An edit rewrites the current version only while nobody has been graded against it; an attempt
   * recorded while the edit was on its way makes it a new version instead.
   */
  async function update(id: number, def: QuizDefinition, expectedUpdatedAt?: string): Promise<Quiz> {
    const current = await mustGetQuiz(ctx.db, id);
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== current.updatedAt) throw changedMeanwhile(current);
    if (def.kind !== current.kind && (await levelsUsingQuiz(ctx.db, id)).length > 0) {
      throw new AppError('conflict', `${current.title} is the ${current.kind.replace('_', ' ')} quiz of some access levels. Choose other quizzes for them in the training catalog before changing its kind.`, [
        { field: 'definition.kind', message: 'Used by access levels as another kind.' },
      ]);
    }
    const gradingChanged = gradingPart(def) !== gradingPart(current);
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await updateQuizRow(trx, id, def, current.updatedAt, now))) throw changedMeanwhile(current);
      const rewritten = gradingChanged && current.attempts === 0 && (await rewriteVersion(trx, current.versionId, def));
      const newVersion = gradingChanged && !rewritten;
      if (newVersion) await insertVersion(trx, id, current.version + 1, def, now);
      const version = newVersion ? current.version + 1 : current.version;
      await audit(trx, newVersion ? 'quiz.versioned' : 'quiz.updated', id, { title: def.title, version, passMark: def.passMark, questions: def.questions.length }, { title: current.title, version: current.version });
    });
    ctx.emit('changed', { entities: ['quizzes'] });
    return mustGetQuiz(ctx.db, id);
  }

  return {
    list: (): Promise<Quiz[]> => listQuizzes(ctx.db),
    get: (id: number) => mustGetQuiz(ctx.db, id),
    versions: async (id: number): Promise<QuizVersion[]> => {
      await mustGetQuiz(ctx.db, id);
      return listVersions(ctx.db, id);
    },
    save: (input: { id?: number; definition: QuizDefinition; expectedUpdatedAt?: string }) =>
      input.id === undefined ? create(input.definition, 'Made in the app') : update(input.id, input.definition, input.expectedUpdatedAt),

    async archive(id: number, archived: boolean): Promise<Quiz> {
      const quiz = await mustGetQuiz(ctx.db, id);
      const users = archived ? await levelsUsingQuiz(ctx.db, id) : [];
      if (users.length) {
        throw new AppError('conflict', `${quiz.title} is still used by ${users.map((u) => u.name).join(', ')}. Choose another quiz for them in the training catalog first.`);
      }
      await ctx.db.transaction().execute(async (trx) => {
        // A level may have chosen the quiz since the check above: the statement decides.
        if (!(await setArchived(trx, id, archived, quiz.updatedAt, ctx.clock.now().toISOString()))) {
          throw new AppError('conflict', `${quiz.title} was just chosen for an access level, so it was not archived. Reload the training catalog to see which, then choose another quiz for it first.`);
        }
        await audit(trx, archived ? 'quiz.archived' : 'quiz.restored', id, { archived });
      });
      ctx.emit('changed', { entities: ['quizzes'] });
      return mustGetQuiz(ctx.db, id);
    },

    /** The current version as a JSON file another office (or `quizzes import`) can read. */
    async exportQuiz(id: number): Promise<{ fileName: string; text: string }> {
      const quiz = await mustGetQuiz(ctx.db, id);
      return { fileName: quizFileName(quiz), text: `${JSON.stringify({ format: QUIZ_FILE_FORMAT, quiz: definitionOf(quiz) }, null, 2)}\n` };
    },

    /** Always a new quiz: importing never changes one the office already has. */
    async importQuiz(input: { fileName: string; text: string }): Promise<Quiz> {
      let parsed: unknown;
      try {
        parsed = JSON.parse(input.text.replace(/^\uFEFF/, ''));
      } catch {
        throw new AppError('invalid', `${input.fileName} is not a quiz file: it is not valid JSON. Export the quiz again and import that file.`, [{ field: 'text', message: 'Not JSON.' }]);
      }
      const file = parseOrThrow(quizFile, parsed);
      return create(file.quiz, `Imported from ${input.fileName}`);
    },
  };
}

export type QuizBankService = ReturnType<typeof createQuizBankService>;
