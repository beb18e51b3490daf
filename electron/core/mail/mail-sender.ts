import type { SMTPPoolOptions } from 'nodemailer';
import type { SendDueResult } from '../../../shared/domain/mail';
import type { CoreContext } from '../context';
import type { FileStore } from '../files/file-store';
import { sweepCredentialDrafts } from './credential-drafts';
import { claimOne, type MailOutcome } from './outbox.repo';
import { createSealedValues } from './sealed-values';
import type { Channel } from './sender/channel';
import { deliverDue } from './sender/deliver-due';
import { createDraftsChannel } from './sender/drafts-channel';
import { createFlusher } from './sender/flusher';
import { createSenderRegistry } from './sender/sender-registry';
import { createSmtpChannel } from './sender/smtp-channel';
import { draftsDirOf, readMailSettings, readPaused, readSecret } from './settings/mail-settings-store';
import { readPassword, type Secrets } from './settings/smtp-password';

export interface MailSenderOptions {
  batchSize?: number;
  /** Messages in flight at once; defaults to twice the pool's connections. */
  concurrency?: number;
  flushEvery?: number;
  flushAfterMs?: number;
  reclaimAfterMs?: number;
  /** How often the app looks for due messages. */
  pollMs?: number;
  /** Pool and timeout options for tests and the benchmark. */
  smtp?: Partial<SMTPPoolOptions>;
}

interface MailSenderDeps {
  secrets: Secrets;
  files?: FileStore;
}

const DEFAULTS = { batchSize: 100, flushEvery: 50, flushAfterMs: 100, reclaimAfterMs: 10 * 60_000, pollMs: 15_000 };

export interface SendNowResult {
  outcome: MailOutcome | undefined;
  /** Sending is paused: the message was not sent and waits in the outbox. */
  paused: boolean;
}

type Opened = { channel: Channel; problem: null } | { channel: null; problem: string };

export function createMailSender(ctx: CoreContext, deps: MailSenderDeps, options: MailSenderOptions = {}) {
  const opts = { ...DEFAULTS, ...options };
  const concurrency = options.concurrency ?? (options.smtp?.maxConnections ?? 5) * 2;
  const now = () => ctx.clock.now();
  let running: Promise<SendDueResult> | null = null;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  const registry = createSenderRegistry(ctx.dataDir);
  // Registered while any claim may be held (a run, a sendNow), so a process starting beside us
  // knows we are alive; withdrawn when the last one ends. A killed process leaves its file behind,
  // which is how the next start knows whose claims are free (reclaim-at-startup.ts).
  let holders = 0;
  let withdraw: (() => void) | null = null;
  async function whileRegistered<T>(work: () => Promise<T>): Promise<T> {
    if (holders++ === 0) withdraw = registry.register();
    try {
      return await work();
    } finally {
      if (--holders === 0) {
        withdraw?.();
        withdraw = null;
      }
    }
  }
  // Every channel is guarded, so no path (a run, sendNow, the CLI) can send a sealed placeholder.
  const sealed = createSealedValues();

  /** SMTP when a server is set, drafts otherwise; or why neither can run (nothing is claimed then). */
  async function open(): Promise<Opened> {
    const settings = await readMailSettings(ctx.db);
    if (!settings.host) return { channel: sealed.guard(createDraftsChannel(draftsDirOf(settings, ctx.dataDir), settings, deps.files, now)), problem: null };
    if (!settings.fromAddress) return { channel: null, problem: 'Enter the From address in the mail settings: the server needs to know who is sending.' };
    const read = await readPassword(await readSecret(ctx.db), deps.secrets);
    if (read.problem) return { channel: null, problem: read.problem };
    return { channel: sealed.guard(createSmtpChannel({ settings: { ...settings, host: settings.host }, password: read.password, overrides: options.smtp }, deps.files, now)), problem: null };
  }

  async function run(force: boolean): Promise<SendDueResult> {
    // Even while paused: an old draft with a password is deleted whether or not mail goes out.
    await sweepCredentialDrafts(ctx);
    const empty = { sent: 0, drafted: 0, failed: 0, retrying: 0 };
    if (!force && (await readPaused(ctx.db))) return { ...empty, paused: true, problem: null };
    const opened = await open();
    if (!opened.channel) return { ...empty, paused: false, problem: opened.problem };
    const flusher = createFlusher(ctx, { every: opts.flushEvery, afterMs: opts.flushAfterMs });
    const channel = opened.channel;
    try {
      await whileRegistered(() =>
        deliverDue(ctx, channel, flusher, { batchSize: opts.batchSize, concurrency, reclaimAfterMs: opts.reclaimAfterMs, evenIfPaused: force, stopping: () => stopping }),
      );
    } finally {
      opened.channel.close();
    }
    return { ...flusher.tally, paused: false, problem: null };
  }

  function sendDue(input: { force?: boolean } = {}): Promise<SendDueResult> {
    running ??= run(input.force ?? false).finally(() => {
      running = null;
    });
    return running;
  }

  /**
   * One message, now, without retries: "Send a test message" wants an answer, not a schedule.
   * While sending is paused nothing goes out (the claim itself checks): `paused` says so and the
   * message stays queued. `outcome` is undefined when a run took the message first.
   */
  function sendNow(id: number): Promise<SendNowResult> {
    return whileRegistered(() => claimAndSendOne(id));
  }

  async function claimAndSendOne(id: number): Promise<SendNowResult> {
    // A run in progress may take this very message; let it finish, then see whether it is left.
    await running?.catch(() => {});
    const mail = await claimOne(ctx.db, id, now().toISOString());
    if (!mail) {
      if (await readPaused(ctx.db)) return { outcome: undefined, paused: true };
      await running?.catch(() => {}); // taken by a run that started meanwhile: its outcome is in the row
      return { outcome: undefined, paused: false };
    }
    const opened = await open();
    let outcome: MailOutcome;
    try {
      outcome = opened.channel
        ? await opened.channel.deliver(mail, { retry: false })
        : { id, status: 'failed', lastError: opened.problem, nextAttemptAt: null, recipients: [], draftPath: null, sentAt: null };
    } finally {
      opened.channel?.close();
    }
    const flusher = createFlusher(ctx, { every: 1, afterMs: 0 });
    flusher.add(outcome);
    await flusher.drain();
    return { outcome, paused: false };
  }

  function tick(): void {
    sendDue().catch((error: unknown) => console.error('Sending the outbox failed; it will be tried again.', error));
  }

  return {
    sendDue,
    sendNow,
    /** Values put into a message only as it leaves (see sealed-values.ts). */
    sealed,
    /** Looks for due messages now (after something was queued) instead of at the next poll; only once started. */
    kick(): void {
      if (timer) tick();
    },
    start(): void {
      stopping = false;
      timer ??= setInterval(tick, opts.pollMs);
      timer.unref();
      tick();
    },
    /** Stops the timer and lets a run in progress finish its in-flight messages. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      stopping = true;
      await running?.catch(() => {});
      stopping = false;
    },
  };
}

export type MailSender = ReturnType<typeof createMailSender>;
