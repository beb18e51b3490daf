import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import type { Handlers } from '../../../shared/contract';
import type { EventPayload } from '../../../shared/contract/events';
import type { mailCalls } from '../../../shared/contract/mail';
import type { CoreContext } from '../context';
import type { FileStore } from '../files/file-store';
import { createKeyFileSecretStore } from '../secrets/key-file-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { createMailSender, type MailSenderOptions } from './mail-sender';
import { createOutboxService } from './outbox-service';
import { createMailSettingsService } from './settings/mail-settings-service';
import { seedDefaultTemplates, createTemplatesService } from './templates/templates-service';

export interface MailOptions {
  /** Start the sender's timer with the core (the desktop app and `npm run serve`; not the CLI or tests). */
  autoStart?: boolean;
  sender?: MailSenderOptions;
}

type MailHandlers = Pick<Handlers, keyof typeof mailCalls>;

/**
 * The mail feature as the core wires it: outbox, sender, settings with their secret store, templates.
 * `secretStore` is where new passwords go; the key file is always there to read CLI-written ones.
 */
export async function createMail(ctx: CoreContext, deps: { secretStore?: SecretStore; files?: FileStore }, options: MailOptions = {}) {
  await seedDefaultTemplates(ctx);
  const keyFile = createKeyFileSecretStore(ctx.dataDir);
  const secrets = { store: deps.secretStore ?? keyFile, keyFile };
  const sender = createMailSender(ctx, { secrets, files: deps.files }, options.sender);
  const outbox = createOutboxService(ctx, sender, secrets);
  const settings = createMailSettingsService(ctx, secrets);
  const templates = createTemplatesService(ctx);
  if (options.autoStart) {
    sender.start();
    kickOnQueued(ctx, sender.kick);
  }

  const handlers = {
    'mail.list': (input) => outbox.list(input),
    'mail.get': (input) => outbox.get(input.id),
    'mail.draft': (input) => readDraft(outbox, input.id),
    // Only the desktop shell can hand a file to the mail program; electron/main answers this call.
    'mail.openDraft': () =>
      Promise.reject(new AppError('conflict', 'Opening a draft in your mail program works in the desktop app. Here, use "Download draft" and open the file.')),
    'mail.retry': (input) => outbox.retry(input),
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
  } satisfies MailHandlers;

  return { handlers, sender, outbox, settings, templates };
}

/** The draft file the outbox row names (never a path from the caller). */
export async function draftPathOf(outbox: { get(id: number): Promise<{ status: string; draftPath: string | null }> }, id: number): Promise<string> {
  const mail = await outbox.get(id);
  if (mail.status !== 'drafted' || !mail.draftPath) throw new AppError('conflict', 'This message was not saved as a draft, so there is no draft file to open.');
  return mail.draftPath;
}

async function readDraft(outbox: Parameters<typeof draftPathOf>[0], id: number) {
  const file = await draftPathOf(outbox, id);
  try {
    return { fileName: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
  } catch {
    throw new AppError('not_found', `The draft file ${file} is no longer there (it may have been sent from Outlook and deleted). Retry the message to save it again.`);
  }
}

export type Mail = Awaited<ReturnType<typeof createMail>>;

/**
 * A feature that queued mail announces `changed: mail` after its commit; the running app then
 * sends within a moment instead of at the next poll. Wrapping ctx.emit (read at call time by every
 * service) keeps later features to "queueMail, commit, emit", with no sender to reach for.
 */
function kickOnQueued(ctx: CoreContext, kick: () => void): void {
  const emit = ctx.emit;
  let timer: NodeJS.Timeout | null = null;
  ctx.emit = (event, payload) => {
    emit(event, payload);
    if (event !== 'changed' || !(payload as EventPayload<'changed'>).entities.includes('mail') || timer) return;
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, 200);
    timer.unref();
  };
}
