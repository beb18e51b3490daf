import { AppError } from '../../../shared/app-error';
import type { EventPayload } from '../../../shared/contract/events';
import type { CoreContext } from '../context';
import type { EventListener } from '../events/event-hub';
import type { FileStore } from '../files/file-store';
import { createKeyFileSecretStore } from '../secrets/key-file-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { sweepCredentialDrafts } from './credential-drafts';
import { createMailSender, type MailSenderOptions } from './mail-sender';
import { reclaimFromDeadSenders } from './sender/reclaim-at-startup';
import { createSenderRegistry } from './sender/sender-registry';
import { createOutboxService } from './outbox-service';
import { createMailSettingsService } from './settings/mail-settings-service';
import { seedDefaultTemplates, createTemplatesService } from './templates/templates-service';

export interface MailOptions {
  /** Start the sender's timer with the core (the desktop app and `npm run serve`; not the CLI or tests). */
  autoStart?: boolean;
  sender?: MailSenderOptions;
}

/**
 * The mail feature as the core wires it: outbox, sender, settings with their secret store, templates
 * (their calls are in mail-handlers.ts).
 * `secretStore` is where new passwords go; the key file is always there to read CLI-written ones.
 */
export async function createMail(ctx: CoreContext, deps: { secretStore?: SecretStore; files?: FileStore }, options: MailOptions = {}) {
  await seedDefaultTemplates(ctx);
  await sweepCredentialDrafts(ctx);
  // Before this process's own sender exists: what a killed sender left `sending` is due again now.
  await reclaimFromDeadSenders(ctx, createSenderRegistry(ctx.dataDir));
  const keyFile = createKeyFileSecretStore(ctx.dataDir);
  const secrets = { store: deps.secretStore ?? keyFile, keyFile };
  const sender = createMailSender(ctx, { secrets, files: deps.files }, options.sender);
  const outbox = createOutboxService(ctx, sender, secrets);
  const settings = createMailSettingsService(ctx, secrets);
  const templates = createTemplatesService(ctx);
  if (options.autoStart) sender.start();
  return { sender, outbox, settings, templates };
}

/** The draft file the outbox row names (never a path from the caller). */
export async function draftPathOf(outbox: { get(id: number): Promise<{ status: string; draftPath: string | null }> }, id: number): Promise<string> {
  const mail = await outbox.get(id);
  if (mail.status !== 'drafted' || !mail.draftPath) throw new AppError('conflict', 'This message was not saved as a draft, so there is no draft file to open.');
  return mail.draftPath;
}

export type Mail = Awaited<ReturnType<typeof createMail>>;

/**
 * A feature that queued mail announces `changed: mail` after its commit; a listener made here
 * (createCore subscribes it when the sender runs) then sends within a moment instead of at the
 * next poll. Later features keep to "queueMail, commit, emit", with no sender to reach for.
 */
export function kickOnQueued(kick: () => void): EventListener {
  let timer: NodeJS.Timeout | null = null;
  return (event, payload) => {
    if (event !== 'changed' || !(payload as EventPayload<'changed'>).entities.includes('mail') || timer) return;
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, 200);
    timer.unref();
  };
}
