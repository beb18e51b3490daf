import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import type { Handlers } from '../../../shared/contract';
import type { mailCalls } from '../../../shared/contract/mail';
import type { CoreContext } from '../context';
import { draftPathOf, type Mail } from './create-mail';
import { DRAFT_EXPIRED, markSent } from './credential-drafts';

async function readDraft(outbox: { get(id: number): Promise<{ status: string; draftPath: string | null; lastError: string | null }> }, id: number) {
  const file = await draftPathOf(outbox, id);
  try {
    return { fileName: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
  } catch {
    if ((await outbox.get(id)).lastError === DRAFT_EXPIRED) throw new AppError('not_found', DRAFT_EXPIRED);
    throw new AppError('not_found', `The draft file ${file} is no longer there (it may have been sent from Outlook and deleted). Retry the message to save it again.`);
  }
}

/** Outbox, sending, settings and templates, spread into createCore's handlers. */
export function createMailHandlers(ctx: CoreContext, deps: Mail): Pick<Handlers, keyof typeof mailCalls> {
  const { outbox, sender, settings, templates } = deps;
  return {
    'mail.list': (input) => outbox.list(input),
    'mail.get': (input) => outbox.get(input.id),
    'mail.draft': (input) => readDraft(outbox, input.id),
    // Only the desktop shell can hand a file to the mail program; electron/main answers this call.
    'mail.openDraft': () =>
      Promise.reject(new AppError('conflict', 'Opening a draft in your mail program works in the desktop app. Here, use "Download draft" and open the file.')),
    'mail.retry': (input) => outbox.retry(input),
    'mail.markSent': (input) => markSent(ctx, input.id),
    'mail.cancel': (input) => outbox.cancel(input.id),
    'mail.status': () => outbox.status(),
    'mail.pause': () => outbox.pause(),
    'mail.resume': () => outbox.resume(),
    'mail.sendDue': (input) => sender.sendDue(input),
    'mail.settings.get': () => settings.get(),
    'mail.settings.save': (input) => settings.save(input),
    'mail.test': (input) => outbox.test(input.to),
    'mail.templates.list': () => templates.list(),
    'mail.templates.get': (input) => templates.get(input.key),
    'mail.templates.save': (input) => templates.save(input),
    'mail.templates.reset': (input) => templates.reset(input),
    'mail.templates.preview': (input) => templates.preview(input),
  };
}
