import { TEMPLATE_SAMPLES, type MailTemplateKey } from '../../../shared/domain/mail-templates';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { firstPeople } from '../demo/sample-people.repo';
import { setSampleState } from './outbox-admin.repo';
import { queueMails, type QueueMailInput } from './queue-mail';

const HOUR = 3_600_000;

interface Sample {
  template: MailTemplateKey;
  state: (at: (hours: number) => string, address: string) => Parameters<typeof setSampleState>[2] | null;
}

/** One message in each state the Outbox page shows; the last stays queued, due now. */
const SAMPLES: Sample[] = [
  { template: 'training_links', state: (at, address) => ({ status: 'sent', attempts: 1, nextAttemptAt: null, lastError: null, recipients: [{ address, status: 'sent', response: '250 2.0.0 Ok: queued as 4F2A1' }], sentAt: at(-50), createdAt: at(-50.1) }) },
  { template: 'quiz_result', state: (at, address) => ({ status: 'sent', attempts: 2, nextAttemptAt: null, lastError: null, recipients: [{ address, status: 'sent', response: '250 2.0.0 Ok: queued as 4F2B7' }], sentAt: at(-26), createdAt: at(-27) }) },
  {
    template: 'credentials',
    state: (at, address) => ({
      status: 'failed',
      attempts: 1,
      nextAttemptAt: null,
      lastError: `The mail server refused every recipient (${address}): the addresses may be misspelt or no longer exist. The server said: "550 5.1.1 Mailbox does not exist".`,
      recipients: [{ address, status: 'failed', response: '550 5.1.1 Mailbox does not exist' }],
      sentAt: null,
      createdAt: at(-5),
    }),
  },
  {
    template: 'recert_reminder',
    state: (at) => ({ status: 'queued', attempts: 3, createdAt: at(-0.6), nextAttemptAt: at(0.5), lastError: 'Cannot reach the mail server at smtp.county.example.org:587: nothing answered there. The server may be down, or the name or port in Settings may be wrong.', recipients: [], sentAt: null }),
  },
  { template: 'retake_request', state: (at) => ({ status: 'cancelled', attempts: 0, nextAttemptAt: null, lastError: null, recipients: [], sentAt: null, createdAt: at(-3) }) },
  { template: 'document_rejected', state: () => null },
];

/** Sample outbox messages for `demo seed`, to the first sample people (all @*.example.org). */
export async function seedSampleMail(trx: Db, ctx: CoreContext): Promise<number> {
  const people = await firstPeople(trx, SAMPLES.length);
  const chosen = SAMPLES.slice(0, people.length);
  const inputs = chosen.map((s, i) => ({ template: s.template, personId: people[i]?.id, data: TEMPLATE_SAMPLES[s.template] }) as QueueMailInput<MailTemplateKey>);
  const queued = await queueMails(trx, ctx, inputs);
  const now = ctx.clock.now().getTime();
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
  for (const [i, sample] of chosen.entries()) {
    const state = sample.state(at, people[i]?.email ?? '');
    if (state) await setSampleState(trx, queued[i]?.id as number, state);
  }
  return queued.length;
}
