import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import type { Credential } from '../../../shared/domain/quiz-training';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { MailSender } from '../mail/mail-sender';
import { getOutbox } from '../mail/outbox.repo';
import { queueMail } from '../mail/queue-mail';
import { sealedPlaceholder } from '../mail/sealed-values';
import { mustGetPerson } from '../people/person-writes';
import { completeRequests } from '../recert/deactivations.repo';
import { LOGIN_URL_KEY } from '../settings/office-keys';
import { getSetting } from '../settings/settings.repo';
import { credentialsOf, insertCredential, latestPass, setCredentialMail } from './credentials.repo';
import { temporaryPassword } from './temporary-password';

export { LOGIN_URL_KEY };
const PASSWORD_SLOT = sealedPlaceholder('temporary password, added only as the message is sent');

const CREDENTIALS_WHILE_PAUSED =
  'Sending is paused, so the credentials email was not sent. Give the person the temporary password shown here yourself, or resume sending and issue the credentials again for a new one.';

type Issued = { credential: Credential; temporaryPassword: string | null; mail: { id: number; status: string; delivered: boolean; problem: string | null } | null };

/**
 * "Issue credentials". The temporary password is made here, held in memory, and put into the
 * credentials email only while it is built for the server or written as a draft (see
 * mail/sealed-values.ts): the outbox row, the audit row and every other row hold the placeholder.
 * So the message is sent at once rather than on the next poll; if that fails, staff see the
 * password once on screen with the reason, and can issue again for a new one.
 */
export function createCredentialsService(ctx: CoreContext, sender: MailSender) {
  async function deliver(mailId: number, messageId: string): Promise<NonNullable<Issued['mail']>> {
    try {
      const sent = await sender.sendNow(mailId);
      if (sent.paused) return { id: mailId, status: 'queued', delivered: false, problem: CREDENTIALS_WHILE_PAUSED };
      const row = sent.outcome ?? (await getOutbox(ctx.db, mailId));
      const status = row?.status ?? 'queued';
      const delivered = status === 'sent' || status === 'drafted';
      return { id: mailId, status, delivered, problem: delivered ? null : (row?.lastError ?? 'The message is still waiting in the outbox.') };
    } finally {
      // The password lives no longer than this call: a later retry fails with a sentence instead.
      sender.sealed.release(messageId);
    }
  }

  async function issue(input: ParsedInput<'credentials.issue'>): Promise<Issued> {
    const person = await mustGetPerson(ctx.db, input.personId, ctx.clock.today());
    const pass = await latestPass(ctx.db, person.id);
    if (!pass) throw new AppError('conflict', `${person.firstName} ${person.lastName} has no passing quiz attempt yet, so credentials cannot be issued.`);
    const loginUrl = (await getSetting(ctx.db, LOGIN_URL_KEY)) ?? '';
    // Refused, not warned: an email with a password and an empty "Log in at:" cannot be used.
    if (input.newPassword && !loginUrl) throw new AppError('invalid', 'Enter the HMIS login address in Settings → Office first: the credentials email tells the person where to log in.');
    const password = input.newPassword ? temporaryPassword() : null;
    const now = ctx.clock.now().toISOString();
    let held: string | null = null;
    const { credentialId, mail } = await ctx.db.transaction().execute(async (trx) => {
      const id = await insertCredential(trx, { personId: person.id, username: input.username, certifiedOn: pass.takenOn, attemptId: pass.id, newPassword: password !== null, note: input.note ?? null }, now);
      let queued: { id: number; messageId: string } | null = null;
      if (password) {
        queued = await queueMail(trx, ctx, { template: 'credentials', personId: person.id, data: { credentials: { username: input.username, temporaryPassword: PASSWORD_SLOT, loginUrl } } });
        await setCredentialMail(trx, id, queued.id);
        // Held before commit: whichever sender claims the row first can complete it.
        sender.sealed.hold(queued.messageId, { [PASSWORD_SLOT]: password });
        held = queued.messageId;
      }
      // The first certification is recorded by the credentials row's trigger (migration 008); the
      // request it answers is done.
      const closedRequests = await completeRequests(trx, person.id, ['new_user', 'change_access'], now);
      const after = { username: input.username, certifiedOn: pass.takenOn, attemptId: pass.id, newPassword: password !== null, mailId: queued?.id ?? null, closedRequests };
      await insertAudit(trx, { at: now, operator: ctx.operator, action: 'credentials.issued', entity: 'person', entityId: person.id, after, note: input.note ?? null });
      return { credentialId: id, mail: queued };
    }).catch((error: unknown) => {
      if (held) sender.sealed.release(held);
      throw error;
    });
    const mailResult = mail ? await deliver(mail.id, mail.messageId) : null;
    ctx.emit('changed', { entities: ['people', 'mail', 'training'] });
    const credential = (await credentialsOf(ctx.db, person.id)).find((c) => c.id === credentialId) as Credential;
    return { credential, temporaryPassword: password, mail: mailResult };
  }

  return { issue, list: (personId: number) => credentialsOf(ctx.db, personId) };
}
