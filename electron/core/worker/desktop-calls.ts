import { AppError } from '../../../shared/app-error';
import type { Handlers } from '../../../shared/contract';
import type { Core } from '../create-core';
import { draftPathOf } from '../mail/create-mail';

/**
 * The part of Electron's `shell` used here. The core worker computes the file (the worker owns the
 * database and the file store) and asks main, which alone has `shell`, to open it: one message
 * there and back (core/worker/protocol.ts `shell.openPath`), no file path ever comes from the page.
 */
export interface ShellLike {
  openPath(path: string): Promise<string>;
}

/**
 * The contract's calls as the desktop app answers them: the core's, plus those only the shell can
 * do. "Open the original" hands the system PDF viewer a named copy (the store names files by hash,
 * which no viewer would recognise as a PDF).
 */
export function desktopHandlers(core: Pick<Core, 'handlers' | 'documents' | 'mail'>, shell: ShellLike): Handlers {
  return {
    ...core.handlers,
    'documents.openOriginal': async ({ id }) => {
      const copy = await core.documents.exportCopy(id);
      const problem = await shell.openPath(copy);
      if (problem) throw new AppError('conflict', `The system could not open the PDF (${problem}). Check that a PDF viewer is installed, or download the file instead.`);
      return {};
    },
    // Outlook opens an .eml with X-Unsent: 1 as a new message, ready to send.
    'mail.openDraft': async ({ id }) => {
      const problem = await shell.openPath(await draftPathOf(core.mail.outbox, id));
      if (problem) throw new AppError('conflict', `The system could not open the draft (${problem}). Check that a mail program such as Outlook is installed, or download the draft instead.`);
      return {};
    },
  };
}
