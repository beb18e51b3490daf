import { ASSESSMENT_SET, type LevelTraining, type Material, type TrainingPlan } from '../../../shared/domain/quiz-training';
import type { Quiz } from '../../../shared/domain/quiz';

/**
 * What a training email holds, decided without the database: the materials of the level's
 * training sets (plus the VI-SPDAT add-on when the level includes assessments) and its quizzes.
 * For an upgrade, only what the new level adds over the previous one.
 */
interface PlanPerson {
  id: number;
  name: string;
  email: string;
  accessLevelId: number;
}

const key = (set: string) => set.trim().toLowerCase();

export function requiredSets(level: LevelTraining): string[] {
  const sets = [...level.trainingSets, ...(level.includesAssessments ? [ASSESSMENT_SET] : [])];
  return sets.filter((set, i) => sets.findIndex((s) => key(s) === key(set)) === i);
}

export function requiredQuizIds(level: LevelTraining): number[] {
  const ids = [level.quizzes.new_user, level.includesAssessments ? level.quizzes.assessment : null];
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

interface Catalog {
  levels: ReadonlyMap<number, LevelTraining>;
  materials: readonly Material[];
  quizzes: ReadonlyMap<number, Quiz>;
}

function whatToSend(level: LevelTraining, previous: LevelTraining | undefined, catalog: Catalog) {
  const had = new Set(previous ? requiredSets(previous).map(key) : []);
  const sets = new Set(requiredSets(level).map(key).filter((s) => !had.has(s)));
  const materials = catalog.materials.filter((m) => !m.retired && sets.has(key(m.trainingSet)));
  const hadQuizzes = new Set(previous ? requiredQuizIds(previous) : []);
  let quizIds = requiredQuizIds(level).filter((id) => !hadQuizzes.has(id));
  // New materials with no new quiz: the level's own quiz checks the new training was understood.
  if (quizIds.length === 0 && materials.length > 0 && level.quizzes.new_user !== null) quizIds = [level.quizzes.new_user];
  return { materials, quizIds };
}

function problemOf(level: LevelTraining, previous: LevelTraining | undefined, send: { materials: Material[]; quizIds: number[] }, catalog: Catalog): string | null {
  if (previous && send.materials.length === 0 && send.quizIds.length === 0) {
    return `${level.name} adds no training to ${previous.name}: change their access in the HMIS directly.`;
  }
  if (send.quizIds.length === 0) return `${level.name} has no new-user quiz. Choose one in the training catalog first.`;
  const missing = send.quizIds.find((id) => !catalog.quizzes.get(id) || catalog.quizzes.get(id)?.archived);
  if (missing !== undefined) return `The quiz chosen for ${level.name} is no longer in the quiz bank. Choose another in the training catalog.`;
  return null;
}

export function planTraining(person: PlanPerson, previousLevelId: number | null, catalog: Catalog): TrainingPlan {
  const level = catalog.levels.get(person.accessLevelId);
  const previous = previousLevelId === null || previousLevelId === person.accessLevelId ? undefined : catalog.levels.get(previousLevelId);
  const base = { personId: person.id, personName: person.name, email: person.email, previousLevelName: previous?.name ?? null };
  if (!level) return { ...base, accessLevelName: '?', materials: [], quizzes: [], totalMinutes: 0, problem: 'Their access level is not in the catalog.' };
  const send = whatToSend(level, previous, catalog);
  const quizzes = send.quizIds.flatMap((id) => {
    const quiz = catalog.quizzes.get(id);
    return quiz ? [{ id: quiz.id, title: quiz.title, url: quiz.url, directions: quiz.directions, kind: quiz.kind }] : [];
  });
  return {
    ...base,
    accessLevelName: level.name,
    materials: send.materials,
    quizzes,
    totalMinutes: send.materials.reduce((sum, m) => sum + m.minutes, 0),
    problem: problemOf(level, previous, send, catalog),
  };
}
