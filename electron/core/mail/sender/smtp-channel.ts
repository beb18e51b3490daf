import { isIP } from 'node:net';
import { hostname } from 'node:os';
import nodemailer, { type SMTPPoolOptions, type SMTPPoolSentMessageInfo } from 'nodemailer';
import type { RecipientResult } from '../../../../shared/domain/mail';
import type { FileStore } from '../../files/file-store';
import type { ClaimedMail, MailOutcome } from '../outbox.repo';
import type { StoredMailSettings } from '../settings/mail-settings-store';
import { nextAttemptAfter } from './backoff';
import type { Channel } from './channel';
import { toMailOptions } from './message';
import { explainRejectedRecipient, explainSmtpError, type ServerRef, type Verdict } from './smtp-errors';

interface SmtpConfig {
  settings: StoredMailSettings & { host: string };
  password: string | null;
  /** Tests shorten timeouts; the benchmark sets the same pool as its baseline. */
  overrides?: Partial<SMTPPoolOptions>;
}

/** Pooled SMTP with nodemailer's file and URL access off: a message can carry only what we give it. */
function smtpTransportOptions({ settings, password, overrides }: SmtpConfig): SMTPPoolOptions & { pool: true } {
  return {
    maxConnections: 5,
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'tls',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
    // SNI carries names only (RFC 6066); an IP address is checked against the certificate as it is.
    tls: { rejectUnauthorized: !settings.allowSelfSigned, ...(isIP(settings.host) ? {} : { servername: settings.host }) },
    name: hostname() || 'hmis-access-desk.local',
    disableFileAccess: true,
    disableUrlAccess: true,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    ...overrides,
    pool: true,
  };
}

/** A failure that is about the server or the settings, not this message: the rest of the run gets the same answer. */
function isSessionWide(error: unknown): boolean {
  const err = error as { responseCode?: number; code?: string };
  return err.code === 'EAUTH' || err.code === 'ENOAUTH' || err.responseCode === undefined;
}

function recipientsOf(info: SMTPPoolSentMessageInfo): { recipients: RecipientResult[]; problems: string[] } {
  const errors = new Map((info.rejectedErrors ?? []).map((e) => [String(e.recipient ?? '').toLowerCase(), e]));
  const recipients: RecipientResult[] = info.accepted.map((address) => ({ address: String(address), status: 'sent', response: info.response }));
  const problems: string[] = [];
  for (const address of info.rejected.map(String)) {
    const err = errors.get(address.toLowerCase());
    recipients.push({ address, status: 'failed', response: err?.response ?? null });
    problems.push(explainRejectedRecipient(err, address));
  }
  return { recipients, problems };
}

export function createSmtpChannel(config: SmtpConfig, files: FileStore | undefined, now: () => Date): Channel {
  const transport = nodemailer.createTransport(smtpTransportOptions(config));
  const server: ServerRef = { host: config.settings.host, port: config.settings.port, user: config.settings.user };
  let sessionVerdict: Verdict | null = null;

  function failed(mail: ClaimedMail, verdict: Verdict, retry: boolean, recipients: RecipientResult[] = []): MailOutcome {
    const next = verdict.kind === 'temporary' && retry ? nextAttemptAfter(mail.attempts, now()) : null;
    const gaveUp = verdict.kind === 'temporary' && retry && !next ? `Gave up after ${mail.attempts} attempts. ` : '';
    return { id: mail.id, status: next ? 'queued' : 'failed', lastError: gaveUp + verdict.message, nextAttemptAt: next, recipients, draftPath: null, sentAt: null };
  }

  return {
    mode: 'smtp',
    async deliver(mail, { retry }) {
      if (sessionVerdict) return failed(mail, sessionVerdict, retry);
      try {
        const info = await transport.sendMail(await toMailOptions(mail, config.settings, files, now()));
        const { recipients, problems } = recipientsOf(info);
        return { id: mail.id, status: 'sent', lastError: problems.length ? problems.join(' ') : null, nextAttemptAt: null, recipients, draftPath: null, sentAt: now().toISOString() };
      } catch (error) {
        const verdict = explainSmtpError(error, server);
        if (isSessionWide(error)) sessionVerdict ??= verdict;
        const rejected = (error as { rejectedErrors?: { recipient?: string; response?: string }[] }).rejectedErrors ?? [];
        return failed(mail, verdict, retry, rejected.map((r) => ({ address: String(r.recipient), status: 'failed' as const, response: r.response ?? null })));
      }
    },
    close: () => transport.close(),
  };
}
