import type { TemplateData } from '../../../shared/domain/mail-templates';
import type { Person } from '../../../shared/domain/person';
import type { TrainingPlan, TrainingSend } from '../../../shared/domain/quiz-training';
import { insertAuditBatch } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { queueMails, type QueueMailInput } from '../mail/queue-mail';
import { selectPeople, toPerson } from '../people/people.repo';
import { runChunked } from '../quizzes/chunked.repo';
import { listQuizzes } from '../quizzes/quizzes.repo';
import { listLevelTraining, listMaterials } from './catalog.repo';
import { planTraining } from './training-plan';
import { insertSends, previousLevels, sendsOf } from './training.repo';
import { personNotFound } from '../people/person-writes';

const CHUNK = 500;

async function loadPeople(db: Db, ids: readonly number[], today: string): Promise<Person[]> {
  const rows = await runChunked(db, ids, CHUNK, (chunk) => selectPeople(db).where('p.id', 'in', chunk), (id) => [id]);
  const people = rows.map((row) => toPerson(row, today));
  const byId = new Map(people.map((p) => [p.id, p]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing !== undefined) throw personNotFound(missing);
  return ids.map((id) => byId.get(id) as Person);
}

/** The training email's data: materials, then the quiz; a second quiz (the assessment add-on) joins the directions. */
function trainingMailData(plan: TrainingPlan): TemplateData<'training_links'> {
  const [main, ...more] = plan.quizzes;
  const also = more.map((q) => `Your access includes assessments, so also take the ${q.title}${q.url ? `: ${q.url}` : ''}.`);
  return {
    materials: plan.materials.map((m) => ({
      title: m.title,
      url: m.url ?? '',
      kind: [m.kind, m.file && !m.url ? 'attached' : null, m.minutes ? `${m.minutes} min` : null].filter(Boolean).join(', '),
    })),
    quiz: { title: main?.title ?? '', url: main?.url ?? '', directions: [main?.directions ?? '', ...also].join(' ').trim() },
  };
}

export function mailFor(plan: TrainingPlan): QueueMailInput<'training_links'> {
  const attachments = plan.materials.flatMap((m) => (m.file ? [{ sha256: m.file.sha256, fileName: m.file.fileName, contentType: m.file.contentType }] : []));
  return { template: 'training_links', personId: plan.personId, data: trainingMailData(plan), attachments };
}

export function createTrainingSendService(ctx: CoreContext) {
  async function plans(personIds: readonly number[]): Promise<{ plan: TrainingPlan; person: Person; previous: number | null }[]> {
    const ids = [...new Set(personIds)];
    const [people, levels, materials, quizzes, previous] = await Promise.all([
      loadPeople(ctx.db, ids, ctx.clock.today()),
      listLevelTraining(ctx.db),
      listMaterials(ctx.db),
      listQuizzes(ctx.db),
      previousLevels(ctx.db, ids),
    ]);
    const catalog = { levels: new Map(levels.map((l) => [l.id, l])), materials, quizzes: new Map(quizzes.map((q) => [q.id, q])) };
    return people.map((person) => {
      const prev = previous.get(person.id) ?? null;
      const plan = planTraining({ id: person.id, name: `${person.firstName} ${person.lastName}`, email: person.email, accessLevelId: person.accessLevelId }, prev, catalog);
      const problem = person.stage === 'deactivation_requested' ? 'They asked to be deactivated.' : plan.problem;
      return { plan: { ...plan, problem }, person, previous: prev };
    });
  }

  async function send(personIds: readonly number[]) {
    const planned = await plans(personIds);
    const ready = planned.filter((p) => p.plan.problem === null);
    const skipped = planned.filter((p) => p.plan.problem !== null).map((p) => ({ personId: p.person.id, personName: p.plan.personName, reason: p.plan.problem as string }));
    if (ready.length === 0) return { sent: 0, skipped };
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const queued = await queueMails(trx, ctx, ready.map((p) => mailFor(p.plan)) as QueueMailInput<never>[]);
      const sends = ready.map((p, i) => ({
        personId: p.person.id,
        accessLevelId: p.person.accessLevelId,
        previousLevelId: p.plan.previousLevelName ? p.previous : null,
        materialTitles: p.plan.materials.map((m) => m.title),
        quizIds: p.plan.quizzes.map((q) => q.id),
        mailId: queued[i]?.id ?? null,
      }));
      await insertSends(trx, sends, now);
      await insertAuditBatch(
        trx,
        sends.map((s) => ({ at: now, operator: ctx.operator, action: 'training.sent', entity: 'person' as const, entityId: s.personId, after: { materials: s.materialTitles, quizzes: s.quizIds, mailId: s.mailId } })),
      );
    });
    ctx.emit('changed', { entities: ['people', 'mail', 'training'] });
    return { sent: ready.length, skipped };
  }

  return {
    preview: async (personIds: readonly number[]): Promise<TrainingPlan[]> => (await plans(personIds)).map((p) => p.plan),
    send,
    history: (personId: number): Promise<TrainingSend[]> => sendsOf(ctx.db, personId),
  };
}
