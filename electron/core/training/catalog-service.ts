import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import type { Catalog, LevelQuizzes, LevelTraining, Material } from '../../../shared/domain/quiz-training';
import { ASSESSMENT_SET } from '../../../shared/domain/quiz-training';
import { QUIZ_KIND_LABELS, type QuizKind } from '../../../shared/domain/quiz';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { isUniqueViolation } from '../db/sqlite.repo';
import type { FileStore } from '../files/file-store';
import { LOGIN_URL_KEY } from '../credentials/credentials-service';
import { getQuiz } from '../quizzes/quizzes.repo';
import { getSetting, replaceSetting } from '../settings/settings.repo';
import { insertLevel, insertMaterials, levelQuizzesOf, listLevelTraining, listMaterials, setLevelQuizzes, updateLevel, updateMaterial, type MaterialWrite } from './catalog.repo';

const MAX_ATTACHMENT = 20 * 1024 * 1024;

/** Sets in the order the office meets them: levels' own order first, then any only materials name. */
function trainingSetsOf(levels: readonly LevelTraining[], materials: readonly Material[]): string[] {
  const seen = new Map<string, string>();
  for (const name of [...levels.flatMap((l) => l.trainingSets), ASSESSMENT_SET, ...materials.map((m) => m.trainingSet)]) {
    if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

function contentTypeOf(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return ({ pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', mp4: 'video/mp4' } as Record<string, string>)[ext] ?? null;
}

/** The same sentence wherever the catalog was saved over: what, and what to do. */
function changedMeanwhile(what: string): AppError {
  return new AppError('conflict', `Someone else changed ${what} while you were editing. Reload to see their change, then make yours again.`);
}

/** The audit keeps what changed, not the version stamp that only guards the write. */
function withoutStamp<T extends object, K extends keyof T>(record: T, key: K): Omit<T, K> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

const sameQuizzes = (a: LevelQuizzes, b: LevelQuizzes) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export function createCatalogService(ctx: CoreContext, files: FileStore) {
  const now = () => ctx.clock.now().toISOString();

  async function get(): Promise<Catalog> {
    const [levels, materials, loginUrl] = await Promise.all([listLevelTraining(ctx.db), listMaterials(ctx.db), getSetting(ctx.db, LOGIN_URL_KEY)]);
    return { levels, materials, trainingSets: trainingSetsOf(levels, materials), loginUrl: loginUrl ?? '' };
  }

  /** A level's quiz of a kind must be a quiz of that kind still in use. */
  async function checkQuizzes(quizzes: Partial<LevelQuizzes>): Promise<void> {
    for (const [kind, quizId] of Object.entries(quizzes) as [QuizKind, number | null | undefined][]) {
      if (quizId === null || quizId === undefined) continue;
      const quiz = await getQuiz(ctx.db, quizId);
      const label = QUIZ_KIND_LABELS[kind].toLowerCase();
      if (!quiz || quiz.archived) throw new AppError('invalid', `Choose a ${label} quiz from the quiz bank.`, [{ field: `quizzes.${kind}`, message: 'Not in the quiz bank.' }]);
      if (quiz.kind !== kind) throw new AppError('invalid', `${quiz.title} is not a ${label} quiz.`, [{ field: `quizzes.${kind}`, message: `Choose a ${label} quiz.` }]);
    }
  }

  async function saveLevel(input: ParsedInput<'training.levels.save'>): Promise<Catalog> {
    await checkQuizzes(input.quizzes);
    const before = input.id === undefined ? undefined : (await listLevelTraining(ctx.db)).find((l) => l.id === input.id);
    if (input.id !== undefined && !before) throw new AppError('not_found', `No access level with number ${input.id} exists. Reload the catalog.`);
    const changed = () => changedMeanwhile(`the access level ${before?.name ?? input.name}`);
    if (before && input.expectedVersion !== undefined && input.expectedVersion !== before.version) throw changed();
    const row = { name: input.name, includesAssessments: input.includesAssessments, trainingSets: [...new Set(input.trainingSets)] };
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const id = before ? before.id : await insertLevel(trx, row);
        // The level row over the version read, then (holding the write) its quizzes as read.
        if (before && !((await updateLevel(trx, id, row, before)) && sameQuizzes(await levelQuizzesOf(trx, id), before.quizzes))) throw changed();
        if (!(await setLevelQuizzes(trx, id, input.quizzes))) {
          throw new AppError('conflict', `A quiz chosen for ${row.name} was archived or changed while you were editing. Reload the catalog and choose its quizzes again.`);
        }
        const after = { ...row, quizzes: input.quizzes };
        await insertAudit(trx, { at: now(), operator: ctx.operator, action: before ? 'access_level.updated' : 'access_level.created', entity: 'access_level', entityId: id, before: before ? withoutStamp(before, 'version') : null, after });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('duplicate', `There is already an access level named ${input.name}.`, [{ field: 'name', message: 'Names are unique.' }]);
      throw error;
    }
    ctx.emit('changed', { entities: ['accessLevels', 'training'] });
    return get();
  }

  /** The file is written before the transaction (nothing slow inside it); a failed save leaves only an unnamed file for the sweep. */
  async function saveMaterial(input: ParsedInput<'training.materials.save'>): Promise<Catalog> {
    const current = input.id === undefined ? undefined : (await listMaterials(ctx.db)).find((m) => m.id === input.id);
    if (input.id !== undefined && !current) throw new AppError('not_found', `No training material with number ${input.id} exists. Reload the catalog.`);
    const changed = () => changedMeanwhile(`the training material ${current?.title ?? input.title}`);
    if (current && input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== current.updatedAt) throw changed();
    if (input.file && input.file.bytes.byteLength > MAX_ATTACHMENT) throw new AppError('invalid', 'Attach a file under 20 MB, or give a link to it instead.', [{ field: 'file', message: 'Over 20 MB.' }]);
    const stored = input.file ? await files.write(input.file.bytes) : null;
    const file = stored && input.file ? { sha256: stored.sha256, fileName: input.file.fileName, contentType: contentTypeOf(input.file.fileName) } : input.removeFile ? null : (current?.file ?? null);
    if (!file && !input.url) throw new AppError('invalid', 'Give a link or attach a file.', [{ field: 'url', message: 'Give a link or attach a file.' }]);
    const row: MaterialWrite = { trainingSet: input.trainingSet, title: input.title, kind: input.kind, url: input.url, file, minutes: input.minutes, retired: input.retired };
    await ctx.db.transaction().execute(async (trx) => {
      const id = current ? current.id : (await insertMaterials(trx, [row], now()))[0];
      if (current && !(await updateMaterial(trx, current.id, row, current.updatedAt, now()))) throw changed();
      const after = { ...row, file: file?.fileName ?? null };
      const was = current && { ...withoutStamp(current, 'updatedAt'), file: current.file?.fileName ?? null };
      await insertAudit(trx, { at: now(), operator: ctx.operator, action: current ? 'training_material.updated' : 'training_material.created', entity: 'training_material', entityId: id ?? null, before: was ?? null, after });
    });
    ctx.emit('changed', { entities: ['training'] });
    return get();
  }

  async function saveSettings(input: ParsedInput<'training.settings.save'>): Promise<Catalog> {
    const stored = await getSetting(ctx.db, LOGIN_URL_KEY);
    const before = stored ?? '';
    if (input.expectedLoginUrl !== undefined && input.expectedLoginUrl !== before) throw changedMeanwhile('the HMIS login address');
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await replaceSetting(trx, LOGIN_URL_KEY, stored, input.loginUrl))) throw changedMeanwhile('the HMIS login address');
      await insertAudit(trx, { at: now(), operator: ctx.operator, action: 'setting.updated', entity: 'setting', entityId: null, before: { loginUrl: before }, after: { loginUrl: input.loginUrl } });
    });
    ctx.emit('changed', { entities: ['training', 'settings'] });
    return get();
  }

  return { get, saveLevel, saveMaterial, saveSettings };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
