import type { Channel } from './sender/channel';
import type { ClaimedMail, MailOutcome } from './outbox.repo';

/**
 * Values that must reach a message but never the database (a temporary password). The outbox row
 * holds a readable placeholder such as `⟪temporary password⟫`; the value is held in this process's
 * memory only and put in while the message is built for SMTP or written as a draft. A row whose
 * value is gone (the app restarted, another process claimed it) fails with a sentence instead of
 * sending the placeholder.
 */
const PLACEHOLDER = /⟪[^⟪⟫]{1,80}⟫/g;

export const sealedPlaceholder = (label: string) => `⟪${label}⟫`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

export const SEALED_LOST =
  'This message held a temporary password, which is kept only in memory and never stored, and it could not be sent when the credentials were issued. Issue the credentials again to make a new password.';

export function createSealedValues() {
  const held = new Map<string, ReadonlyMap<string, string>>();

  function unseal(mail: ClaimedMail): ClaimedMail | null {
    const found = new Set([...`${mail.subject}\n${mail.text}\n${mail.html}`.matchAll(PLACEHOLDER)].map((m) => m[0]));
    if (found.size === 0) return mail;
    const values = held.get(mail.messageId);
    if (!values || [...found].some((p) => !values.has(p))) return null;
    const put = (s: string, escape: boolean) => s.replace(PLACEHOLDER, (p) => (escape ? escapeHtml(values.get(p) ?? p) : (values.get(p) ?? p)));
    return { ...mail, subject: put(mail.subject, false), text: put(mail.text, false), html: put(mail.html, true) };
  }

  return {
    /** Keyed by Message-ID, known before the row commits, so whichever sender claims it can unseal it. */
    hold(messageId: string, values: Record<string, string>): void {
      held.set(messageId, new Map(Object.entries(values)));
    },
    release(messageId: string): void {
      held.delete(messageId);
    },
    guard(channel: Channel): Channel {
      return {
        mode: channel.mode,
        close: () => channel.close(),
        async deliver(mail, options): Promise<MailOutcome> {
          const ready = unseal(mail);
          if (ready) return channel.deliver(ready, options);
          return { id: mail.id, status: 'failed', lastError: SEALED_LOST, nextAttemptAt: null, recipients: [], draftPath: null, sentAt: null };
        },
      };
    },
  };
}
