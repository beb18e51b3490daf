import type { Handlers } from '../../../shared/contract';
import type { quizCalls } from '../../../shared/contract/quizzes';
import type { CoreContext } from '../context';
import { createAttemptsService } from './attempts-service';
import { createQuizBankService } from './quiz-bank-service';
import { createImportResponsesService } from './responses/import-responses-service';

/** The quiz bank, attempts and responses imports, spread into createCore's handlers. */
export function createQuizzesHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof quizCalls> {
  const bank = createQuizBankService(ctx);
  const attempts = createAttemptsService(ctx);
  const responses = createImportResponsesService(ctx);
  return {
    'quizzes.list': () => bank.list(),
    'quizzes.get': (input) => bank.get(input.id),
    'quizzes.versions': (input) => bank.versions(input.id),
    'quizzes.save': (input) => bank.save(input),
    'quizzes.archive': (input) => bank.archive(input.id, input.archived),
    'quizzes.export': (input) => bank.exportQuiz(input.id),
    'quizzes.import': (input) => bank.importQuiz(input),
    'quizzes.grade': (input) => attempts.record(input),
    'quizzes.mark': (input) => attempts.mark(input),
    'quizzes.voidAttempt': (input) => attempts.voidAttempt(input),
    'quizzes.attempts': (input) => attempts.list(input),
    'quizzes.previewResponses': (input) => responses.preview(input),
    'quizzes.importResponses': (input) => responses.importResponses(input),
    'quizzes.sendResults': (input) => attempts.sendResults(input.attemptIds, input.resend),
    'quizzes.stats': (input) => attempts.stats(input.id),
  };
}
