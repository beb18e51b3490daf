import type { Handlers } from '../../../shared/contract';
import type { credentialCalls } from '../../../shared/contract/training';
import type { CoreContext } from '../context';
import type { MailSender } from '../mail/mail-sender';
import { createCredentialsService } from './credentials-service';

/** Issued HMIS logins, spread into createCore's handlers; the temporary password goes out at once. */
export function createCredentialsHandlers(ctx: CoreContext, deps: { sender: MailSender }): Pick<Handlers, keyof typeof credentialCalls> {
  const credentials = createCredentialsService(ctx, deps.sender);
  return {
    'credentials.issue': (input) => credentials.issue(input),
    'credentials.list': (input) => credentials.list(input.personId),
  };
}
