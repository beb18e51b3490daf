import type { ParsedInput } from '../../../shared/contract';
import type { QueueRow, TrainingQueue } from '../../../shared/domain/quiz-training';
import type { Stage } from '../../../shared/workflow';
import type { CoreContext } from '../context';
import { listPeople } from '../people/people-list.repo';
import { queueFacts } from './queue.repo';

/** Each queue is a stage of the workflow: the queue is a query over stages, never a stored list. */
const QUEUE_STAGES: Record<TrainingQueue, Stage> = {
  training_to_send: 'documents_accepted',
  quizzes_to_grade: 'training_sent',
  credentials_to_issue: 'quiz_passed',
};

export function createTrainingQueueService(ctx: CoreContext) {
  return {
    /** Oldest registration first: who has waited longest is seen first. */
    async list(input: ParsedInput<'training.queue'>): Promise<{ total: number; items: QueueRow[] }> {
      const page = await listPeople(
        ctx.db,
        { stage: QUEUE_STAGES[input.queue], search: input.search, agencyId: input.agencyId, sort: 'registeredOn', direction: 'asc', offset: input.offset, limit: input.limit },
        ctx.clock.today(),
      );
      const facts = await queueFacts(ctx.db, page.items.map((p) => p.id));
      return { total: page.total, items: page.items.map((person) => ({ person, ...(facts.get(person.id) as Omit<QueueRow, 'person'>) })) };
    },
  };
}
