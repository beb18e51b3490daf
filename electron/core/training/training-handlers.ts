import type { Handlers } from '../../../shared/contract';
import type { trainingCalls } from '../../../shared/contract/training';
import type { CoreContext } from '../context';
import type { FileStore } from '../files/file-store';
import { createCatalogService } from './catalog-service';
import { createTrainingQueueService } from './queue-service';
import { createTrainingSendService } from './training-send-service';

/** Training: the catalog, what to send and the queues, spread into createCore's handlers. */
export function createTrainingHandlers(ctx: CoreContext, deps: { files: FileStore }): Pick<Handlers, keyof typeof trainingCalls> {
  const catalog = createCatalogService(ctx, deps.files);
  const training = createTrainingSendService(ctx);
  const queue = createTrainingQueueService(ctx);
  return {
    'training.catalog': () => catalog.get(),
    'training.levels.save': (input) => catalog.saveLevel(input),
    'training.settings.save': (input) => catalog.saveSettings(input),
    'training.materials.save': (input) => catalog.saveMaterial(input),
    'training.preview': (input) => training.preview(input.personIds),
    'training.send': (input) => training.send(input.personIds),
    'training.history': (input) => training.history(input.personId),
    'training.queue': (input) => queue.list(input),
  };
}
