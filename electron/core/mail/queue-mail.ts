import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/app-error';
import { email as emailSchema } from '../../../shared/domain/common';
import type { MailAddress, MailAttachment } from '../../../shared/domain/mail';
import type { MailTemplateKey, TemplateData } from '../../../shared/domain/mail-templates';
import { insertAuditBatch, type AuditWrite } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { commonMailData } from './mail-data';
import { personMailFacts, type PersonMailFacts } from './mail-data.repo';
import { insertOutbox, type NewOutboxRow } from './outbox.repo';
import { readMailSettings, type StoredMailSettings } from './settings/mail-settings-store';
import { defaultTemplate } from './templates/template-defaults';
import { renderTemplate, type TemplateContent, withSignature } from './templates/template-render';
import { getTemplate } from './templates/templates.repo';
import { personNotFound } from '../people/person-writes';

type AddressInput = string | MailAddress;

export interface QueueMailInput<K extends MailTemplateKey> {
  template: K;
  /** The person the message is to or about; also the default recipient and the template's `person`. */
  personId?: number;
  /** Defaults to the person's own address. */
  to?: AddressInput[];
  cc?: AddressInput[];
  /** What this template needs beyond the person and office data (see TEMPLATE_SAMPLES). */
  data: TemplateData<K>;
  attachments?: MailAttachment[];
}

interface QueuedMail {
  id: number;
  messageId: string;
}

/** Stable per row, so a message retried after a crash is recognisably the same message. */
const newMessageId = () => `<${randomUUID()}@hmis-access-desk.local>`;

function toAddress(input: AddressInput): MailAddress {
  const value = typeof input === 'string' ? { address: input, name: null } : input;
  const parsed = emailSchema.safeParse(value.address);
  if (!parsed.success) throw new AppError('invalid', `"${value.address}" is not an email address a message can be sent to.`, [{ field: 'to', message: parsed.error.issues[0]?.message ?? 'Not an email address.' }]);
  return { address: parsed.data, name: value.name?.trim() || null };
}

interface Sources {
  people: Map<number, PersonMailFacts>;
  settings: StoredMailSettings;
  templates: Map<MailTemplateKey, TemplateContent>;
  today: string;
}

async function loadSources(trx: Db, ctx: CoreContext, inputs: readonly QueueMailInput<MailTemplateKey>[]): Promise<Sources> {
  const people = await personMailFacts(trx, inputs.flatMap((i) => (i.personId === undefined ? [] : [i.personId])));
  const templates = new Map<MailTemplateKey, TemplateContent>();
  for (const key of new Set(inputs.map((i) => i.template))) templates.set(key, (await getTemplate(trx, key)) ?? defaultTemplate(key));
  return { people, settings: await readMailSettings(trx), templates, today: ctx.clock.today() };
}

function buildRow(input: QueueMailInput<MailTemplateKey>, sources: Sources): NewOutboxRow {
  const person = input.personId === undefined ? undefined : sources.people.get(input.personId);
  if (input.personId !== undefined && !person) throw personNotFound(input.personId);
  const common = commonMailData(person, sources.settings, sources.today);
  const to = (input.to ?? (person ? [{ address: person.email, name: common.person.fullName }] : [])).map(toAddress);
  if (to.length === 0) throw new AppError('invalid', 'A message needs at least one recipient.', [{ field: 'to', message: 'Add a recipient.' }]);
  const data = { ...common, ...input.data };
  const rendered = renderTemplate(withSignature(sources.templates.get(input.template) as TemplateContent), data);
  return { messageId: newMessageId(), personId: input.personId ?? null, template: input.template, to, cc: (input.cc ?? []).map(toAddress), ...rendered, attachments: input.attachments ?? [] };
}

/**
 * Puts messages in the outbox inside the caller's transaction: the action and its email commit
 * together or not at all. Templates are rendered now, so the outbox shows exactly what will be
 * sent even if a template is edited before it goes. Nothing slow happens here; the sender delivers
 * later (emitting `changed: mail` after commit is the caller's, with its own kinds).
 * Many at once (a recertification cohort) costs a few statements, not a few per message.
 */
export async function queueMails(trx: Db, ctx: CoreContext, inputs: readonly QueueMailInput<MailTemplateKey>[]): Promise<QueuedMail[]> {
  if (inputs.length === 0) return [];
  const sources = await loadSources(trx, ctx, inputs);
  const rows = inputs.map((input) => buildRow(input, sources));
  const now = ctx.clock.now().toISOString();
  const ids = await insertOutbox(trx, rows, now);
  const queued = rows.map((row) => ({ id: ids.get(row.messageId) as number, messageId: row.messageId }));
  const audits: AuditWrite[] = rows.map((row, i) => ({
    at: now,
    operator: ctx.operator,
    action: 'mail.queued',
    entity: 'mail',
    entityId: queued[i]?.id ?? null,
    after: { template: row.template, personId: row.personId, to: row.to.map((a) => a.address), subject: row.subject },
  }));
  await insertAuditBatch(trx, audits);
  return queued;
}

/** One message; see queueMails. */
export async function queueMail<K extends MailTemplateKey>(trx: Db, ctx: CoreContext, input: QueueMailInput<K>): Promise<QueuedMail> {
  const [queued] = await queueMails(trx, ctx, [input as QueueMailInput<MailTemplateKey>]);
  return queued as QueuedMail;
}
