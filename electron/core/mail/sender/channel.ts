import type { MailOutcome, ClaimedMail } from '../outbox.repo';

/** How claimed messages leave: over SMTP, or as .eml drafts when there is no server. */
export interface Channel {
  readonly mode: 'smtp' | 'drafts';
  /** Never throws: every failure becomes an outcome the outbox records. */
  deliver(mail: ClaimedMail, options: { retry: boolean }): Promise<MailOutcome>;
  close(): void;
}
