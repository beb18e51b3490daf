import { AppError } from '../../../shared/app-error';
import type { Handlers } from '../../../shared/contract';
import type { documentCalls } from '../../../shared/contract/documents';
import type { CoreContext } from '../context';
import type { Documents } from './create-documents';
import { readLimits, saveLimits } from './document-limits';
import { listDocuments } from './documents.repo';
import { listPending } from './pending.repo';
import { sendReminders } from './remind-service';
import { getMessage } from './mail/messages.repo';
import { listToSort } from './mail/to-sort.repo';
import { readWatchSettings, saveWatchSettings } from './mail/watch-settings';

/** Signed forms: attach, review, the pending queue and the limits, spread into createCore's handlers. */
export function createDocumentsHandlers(ctx: CoreContext, deps: Documents): Pick<Handlers, keyof typeof documentCalls> {
  const { attach, review, limits, files, getPerson, messages, toSort, watch } = deps;
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
    'documents.attachMessage': (input) => messages.attach(input),
    'documents.readMessage': (input) => messages.read(input),
    'documents.messageFile': async (input) => {
      const message = await getMessage(ctx.db, input.id);
      if (!message) throw new AppError('not_found', `There is no stored email message number ${input.id}. It may have been opened from an old link.`);
      return { fileName: message.fileName, bytes: await files.read(message.sha256) };
    },
    'documents.toSort.list': () => listToSort(ctx.db),
    'documents.toSort.attach': (input) => toSort.attach(input),
    'documents.toSort.dismiss': (input) => toSort.dismiss(input.id),
    'documents.watch.get': () => readWatchSettings(ctx.db),
    'documents.watch.save': (input) => saveWatchSettings(ctx, input),
    'documents.watch.run': async (input) => {
      const folder = input.folder ?? (await readWatchSettings(ctx.db)).folder;
      if (!folder) throw new AppError('invalid', 'No folder is watched. Choose one in Settings → Watch a folder, or give --folder.', [{ field: 'folder', message: 'Choose a folder.' }]);
      return watch.runOnce(folder);
    },
  };
}
