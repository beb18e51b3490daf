import { mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { FileStore } from '../../files/file-store';
import type { ClaimedMail, MailOutcome } from '../outbox.repo';
import type { StoredMailSettings } from '../settings/mail-settings-store';
import { nextAttemptAfter } from './backoff';
import type { Channel } from './channel';
import { toMailOptions } from './message';

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'message';
}

/** The raw RFC 5322 message; `X-Unsent: 1` makes Outlook open it as a draft ready to send. */
async function buildDraft(mail: ClaimedMail, settings: StoredMailSettings, files: FileStore | undefined, now: Date): Promise<Buffer> {
  const options = await toMailOptions(mail, settings, files, now);
  const composer = new MailComposer({ ...options, headers: { 'X-Unsent': '1' }, disableFileAccess: true, disableUrlAccess: true });
  return composer.compile().build();
}

/**
 * Without SMTP settings every message becomes `<id>-<subject>.eml` in the drafts folder. The name
 * depends only on the row, so drafting again after a crash overwrites the same file: no duplicates.
 */
export function createDraftsChannel(dir: string, settings: StoredMailSettings, files: FileStore | undefined, now: () => Date): Channel {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    mode: 'drafts',
    async deliver(mail: ClaimedMail, { retry }): Promise<MailOutcome> {
      const file = path.join(dir, `${mail.id}-${slug(mail.subject)}.eml`);
      try {
        const temp = `${file}.${process.pid}.part`;
        // 0600: a draft can hold a temporary password. On Windows Node maps the mode only to
        // read-only; privacy there rests on the drafts folder being in the user's own profile.
        await fs.writeFile(temp, await buildDraft(mail, settings, files, now()), { mode: 0o600 });
        await fs.chmod(temp, 0o600);
        await fs.rename(temp, file);
        return { id: mail.id, status: 'drafted', draftPath: file, lastError: null, nextAttemptAt: null, recipients: [], sentAt: null };
      } catch (error) {
        const message = `The draft could not be saved in ${dir}: ${(error as Error).message}. Check that the drafts folder exists and can be written to.`;
        const next = retry ? nextAttemptAfter(mail.attempts, now()) : null;
        return { id: mail.id, status: next ? 'queued' : 'failed', lastError: message, nextAttemptAt: next, recipients: [], draftPath: null, sentAt: null };
      }
    },
    close() {},
  };
}
