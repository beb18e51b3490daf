import type { Handlers } from '../../../shared/contract';
import type { quizCalls } from '../../../shared/contract/quizzes';
import type { credentialCalls, trainingCalls } from '../../../shared/contract/training';
import type { CoreContext } from '../context';
import { createCredentialsService } from '../credentials/credentials-service';
import type { FileStore } from '../files/file-store';
import type { MailSender } from '../mail/mail-sender';
import { createAttemptsService } from '../quizzes/attempts-service';
import { createQuizBankService } from '../quizzes/quiz-bank-service';
import { createImportResponsesService } from '../quizzes/responses/import-responses-service';
import { createCatalogService } from './catalog-service';
import { createTrainingQueueService } from './queue-service';
import { createTrainingSendService } from './training-send-service';

type TrainingCallName = keyof typeof trainingCalls | keyof typeof credentialCalls | keyof typeof quizCalls;

/** Training, quizzes and credentials: their share of the contract, spread into createCore's handlers. */
export function createTrainingHandlers(ctx: CoreContext, deps: { files: FileStore; sender: MailSender }): Pick<Handlers, TrainingCallName> {
  const catalog = createCatalogService(ctx, deps.files);
  const training = createTrainingSendService(ctx);
  const queue = createTrainingQueueService(ctx);
  const credentials = createCredentialsService(ctx, deps.sender);
  const bank = createQuizBankService(ctx);
  const attempts = createAttemptsService(ctx);
  const responses = createImportResponsesService(ctx);
  return {
    'training.catalog': () => catalog.get(),
    'training.levels.save': (input) => catalog.saveLevel(input),
    'training.settings.save': (input) => catalog.saveSettings(input),
    'training.materials.save': (input) => catalog.saveMaterial(input),
    'training.preview': (input) => training.preview(input.personIds),
    'training.send': (input) => training.send(input.personIds),
    'training.history': (input) => training.history(input.personId),
    'training.queue': (input) => queue.list(input),
    'credentials.issue': (input) => credentials.issue(input),
    'credentials.list': (input) => credentials.list(input.personId),
    'quizzes.list': () => bank.list(),
    'quizzes.get': (input) => bank.get(input.id),
    'quizzes.versions': (input) => bank.versions(input.id),
    'quizzes.save': (input) => bank.save(input),
    'quizzes.archive': (input) => bank.archive(input.id, input.archived),
    'quizzes.export': (input) => bank.exportQuiz(input.id),
    'quizzes.import': (input) => bank.importQuiz(input),
    'quizzes.grade': (input) => attempts.record(input),
    'quizzes.mark': (input) => attempts.mark(input),
    'quizzes.attempts': (input) => attempts.list(input),
    'quizzes.previewResponses': (input) => responses.preview(input),
    'quizzes.importResponses': (input) => responses.importResponses(input),
    'quizzes.sendResults': (input) => attempts.sendResults(input.attemptIds),
    'quizzes.stats': (input) => attempts.stats(input.id),
  };
}
