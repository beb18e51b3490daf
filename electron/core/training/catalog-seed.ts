import assessmentQuiz from '../../../resources/catalog/quizzes/assessment.json' with { type: 'json' };
import newUserQuiz from '../../../resources/catalog/quizzes/new-user.json' with { type: 'json' };
import recertificationQuiz from '../../../resources/catalog/quizzes/recertification.json' with { type: 'json' };
import materials from '../../../resources/catalog/training-materials.json' with { type: 'json' };
import { quizFile, type QuizDefinition, type QuizKind } from '../../../shared/domain/quiz';
import { materialKind } from '../../../shared/domain/quiz-training';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { insertQuiz } from '../quizzes/quizzes.repo';
import { getSetting, putSetting } from '../settings/settings.repo';
import { insertMaterials, listLevelTraining, setLevelQuizzes, type MaterialWrite } from './catalog.repo';

const SEEDED_KEY = 'training.catalogSeeded';

/** The shipped quizzes, checked with the same schema an imported quiz file must pass. */
const DEFAULT_QUIZZES: readonly QuizDefinition[] = [newUserQuiz, recertificationQuiz, assessmentQuiz].map((file) => quizFile.parse(file).quiz);

const DEFAULT_MATERIALS: readonly MaterialWrite[] = materials.map((m) => ({ ...m, kind: materialKind.parse(m.kind), file: null, retired: false }));

/**
 * Every level gets the shipped new-user and recertification quizzes; levels that include
 * assessments also get the assessment quiz, the quiz half of the VI-SPDAT add-on.
 */
async function linkLevels(trx: Db, quizIds: Map<QuizKind, number>): Promise<void> {
  for (const level of await listLevelTraining(trx)) {
    await setLevelQuizzes(trx, level.id, {
      new_user: quizIds.get('new_user') ?? null,
      recertification: quizIds.get('recertification') ?? null,
      assessment: level.includesAssessments ? (quizIds.get('assessment') ?? null) : null,
    });
  }
}

/** First start with migration 005: the shipped materials and quizzes as editable defaults. Once only. */
export async function seedTrainingCatalog(ctx: CoreContext): Promise<void> {
  if ((await getSetting(ctx.db, SEEDED_KEY)) !== null) return;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertMaterials(trx, DEFAULT_MATERIALS, now);
    const quizIds = new Map<QuizKind, number>();
    for (const quiz of DEFAULT_QUIZZES) quizIds.set(quiz.kind, await insertQuiz(trx, quiz, now));
    await linkLevels(trx, quizIds);
    await putSetting(trx, SEEDED_KEY, now);
    await insertAudit(trx, {
      at: now,
      operator: ctx.operator,
      action: 'training.catalog_seeded',
      entity: 'training_material',
      entityId: null,
      after: { materials: DEFAULT_MATERIALS.length, quizzes: DEFAULT_QUIZZES.map((q) => q.title) },
    });
  });
}
