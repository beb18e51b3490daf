import { AppError } from '../../../shared/app-error';
import type { Handlers } from '../../../shared/contract';
import type { documentCalls } from '../../../shared/contract/documents';
import type { CoreContext } from '../context';
import type { Documents } from './create-documents';
import { readLimits, saveLimits } from './document-limits';
import { listDocuments } from './documents.repo';
import { listPending } from './pending.repo';
import { sendReminders } from './remind-service';

/** Signed forms: attach, review, the pending queue and the limits, spread into createCore's handlers. */
export function createDocumentsHandlers(ctx: CoreContext, deps: Documents): Pick<Handlers, keyof typeof documentCalls> {
  const { attach, review, limits, files, getPerson } = deps;
  return {
    'documents.read': (input) => attach.read(input),
    'documents.attach': (input) => attach.attach(input),
    'documents.list': async (input) => {
      await getPerson(input.personId);
      return listDocuments(ctx.db, input.personId);
    },
    'documents.get': (input) => review.get(input.id),
    'documents.file': async (input) => {
      const doc = await review.get(input.id);
      return { fileName: doc.fileName, bytes: await files.read(doc.sha256) };
    },
    'documents.review': (input) => review.review(input),
    'documents.pending': (input) => listPending(ctx.db, input, ctx.clock.today()),
    'documents.remind': (input) => sendReminders(ctx, input.personIds),
    'documents.openOriginal': async () => {
      throw new AppError('invalid', 'Opening in the system PDF viewer works in the desktop app. Download the file instead, then open it.');
    },
    'documents.settings.get': () => readLimits(ctx.db),
    'documents.settings.save': async (input) => {
      const saved = await saveLimits(ctx, input);
      limits.clear();
      return saved;
    },
  };
}
