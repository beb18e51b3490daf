import path from 'node:path';
import { AppError } from '../../../../shared/app-error';
import type { ParsedInput } from '../../../../shared/contract';
import type { MailSettings } from '../../../../shared/domain/mail';
import { insertAudit } from '../../audit/audit.repo';
import { changedFields } from '../../audit/changes';
import type { CoreContext } from '../../context';
import { nextStamp } from '../../db/stamps';
import { draftsDirOf, readMailSettingsVersion, readSecret, writeMailSettings, writeSecret, type StoredMailSettings, type StoredSecret } from './mail-settings-store';
import { readPassword, type Secrets } from './smtp-password';

type SaveInput = ParsedInput<'mail.settings.save'>;

/** `undefined` leaves a field as it is; `null` (or an empty text) clears it. */
function merge(current: StoredMailSettings, input: SaveInput): StoredMailSettings {
  const next: StoredMailSettings = { ...current };
  for (const key of Object.keys(current) as (keyof StoredMailSettings)[]) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (next.draftsDir) next.draftsDir = path.resolve(next.draftsDir);
  return next;
}

function changedMeanwhile(): AppError {
  return new AppError('conflict', 'Someone else changed the mail settings while you were editing them. Reload to see their change, then make yours again.');
}

function check(settings: StoredMailSettings): void {
  if (settings.host && !settings.fromAddress) {
    throw new AppError('invalid', 'Enter the From address: the mail server needs to know who is sending.', [{ field: 'fromAddress', message: 'Needed when a mail server is set.' }]);
  }
}

export function createMailSettingsService(ctx: CoreContext, secrets: Secrets) {
  async function get(): Promise<MailSettings> {
    const { settings, updatedAt } = await readMailSettingsVersion(ctx.db);
    const secret = await readSecret(ctx.db);
    return {
      ...settings,
      updatedAt,
      passwordSet: secret !== null,
      passwordProblem: (await readPassword(secret, secrets)).problem,
      secretBackend: secrets.store.kind,
      draftsDir: draftsDirOf(settings, ctx.dataDir),
      draftsDirIsDefault: settings.draftsDir === null,
      mode: settings.host ? 'smtp' : 'drafts',
    };
  }

  /** Encrypts before the transaction: making the key file is file work, kept out of it. */
  async function encrypt(password: string | undefined): Promise<StoredSecret | null | undefined> {
    if (password === undefined) return undefined;
    if (password === '') return null;
    const state = await secrets.store.available();
    if (!state.ok) throw new AppError('invalid', `The password was not saved: ${state.reason ?? 'secure storage is not available.'}`, [{ field: 'password', message: state.reason ?? 'Secure storage is not available.' }]);
    return { kind: secrets.store.kind, cipher: await secrets.store.encrypt(password) };
  }

  async function save(input: SaveInput): Promise<MailSettings> {
    const version = await readMailSettingsVersion(ctx.db);
    if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== version.updatedAt) throw changedMeanwhile();
    const current = version.settings;
    const next = merge(current, input);
    check(next);
    const secret = await encrypt(input.password);
    const diff = changedFields({ ...current }, { ...next });
    if (!diff && secret === undefined) return get();
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      // Every save moves the stamp, a password-only one too, so the next save over it is checked.
      if (!(await writeMailSettings(trx, next, version, nextStamp(now, version.updatedAt ?? '')))) throw changedMeanwhile();
      if (secret !== undefined) await writeSecret(trx, secret);
      await insertAudit(trx, {
        at: now,
        operator: ctx.operator,
        action: 'mail.settings_saved',
        entity: 'setting',
        entityId: null,
        before: diff?.before ?? null,
        // The password itself never reaches the audit: only that it changed.
        after: { ...(diff?.after ?? {}), ...(secret !== undefined ? { password: secret ? 'changed' : 'removed' } : {}) },
      });
    });
    ctx.emit('changed', { entities: ['settings', 'mail'] });
    return get();
  }

  return { get, save };
}

export type MailSettingsService = ReturnType<typeof createMailSettingsService>;
