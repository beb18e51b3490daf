import path from 'node:path';
import { contract, type CallName, type Input, type Output } from '../../../../shared/contract';
import type { TlsMode } from '../../../../shared/domain/mail';
import type { MailTemplateKey } from '../../../../shared/domain/mail-templates';
import type { CoreContext } from '../../context';
import type { Core } from '../../create-core';
import { openDatabase } from '../../db/open-database';
import { basics, type TempCore } from '../../test-support/temp-core';
import { queueMail, type QueueMailInput } from '../queue-mail';

/** Calls the core the way every transport does: input parsed by the contract, output checked against it. */
export async function invoke<K extends CallName>(core: Core, name: K, input: Input<K>): Promise<Output<K>> {
  const parsed = contract[name].input.parse(input) as never;
  const handler = core.handlers[name] as (input: never) => Promise<unknown>;
  return contract[name].output.parse(await handler(parsed)) as Output<K>;
}

export async function addPerson(core: Core, overrides: Partial<Input<'people.create'>> = {}) {
  const { agency, level } = await basics(core);
  return invoke(core, 'people.create', { firstName: 'Maria', lastName: "O'Brien", email: 'maria.obrien@rivercity.example.org', agencyId: agency.id, accessLevelId: level.id, ...overrides });
}

interface SmtpTestSettings {
  tls?: TlsMode;
  user?: string;
  password?: string;
  allowSelfSigned?: boolean;
}

export function configureSmtp(core: Core, port: number, settings: SmtpTestSettings = {}) {
  return invoke(core, 'mail.settings.save', {
    host: '127.0.0.1',
    port,
    tls: settings.tls ?? 'none',
    user: settings.user ?? null,
    ...(settings.password !== undefined ? { password: settings.password } : {}),
    allowSelfSigned: settings.allowSelfSigned ?? true,
    fromName: 'Sacramento County HMIS Office',
    fromAddress: 'hmis@county.example.org',
    replyTo: 'hmis-help@county.example.org',
  });
}

/** Short timeouts so a test of a dead server takes milliseconds, not the production 20 s. */
export const FAST_SMTP = { connectionTimeout: 2_000, greetingTimeout: 2_000, socketTimeout: 5_000 };

/**
 * A second connection to the core's database file with the test's clock: the context a later
 * feature's service would hand to queueMail inside its own transaction.
 */
export function sideContext(t: TempCore): { ctx: CoreContext; close(): Promise<void> } {
  const side = openDatabase(path.join(t.dataDir, 'hmis.sqlite'), t.clock.now().toISOString());
  return { ctx: { db: side.db, clock: t.clock, dataDir: t.dataDir, operator: 'test.operator', emit: () => {} }, close: () => side.close() };
}

export function queueIn<K extends MailTemplateKey>(ctx: CoreContext, input: QueueMailInput<K>) {
  return ctx.db.transaction().execute((trx) => queueMail(trx, ctx, input));
}
