import path from 'node:path';
import type { TlsMode } from '../../../../shared/domain/mail';
import type { Db } from '../../db/open-database';
import { getSetting, putSetting, replaceSetting } from '../../settings/settings.repo';

/** The mail settings as stored (JSON under one key); the password lives apart, encrypted. */
export interface StoredMailSettings {
  host: string | null;
  port: number;
  tls: TlsMode;
  user: string | null;
  fromName: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  allowSelfSigned: boolean;
  draftsDir: string | null;
  officeName: string | null;
  signature: string | null;
}

export interface StoredSecret {
  /** Which secret store encrypted it: only that store (or the key file) can read it back. */
  kind: string;
  cipher: string;
}

const SETTINGS_KEY = 'mail.settings';
const PASSWORD_KEY = 'mail.password';
/** 'true' while sending is paused; the claims in outbox.repo.ts read it in their own statement. */
export const PAUSED_KEY = 'mail.paused';

export const DEFAULT_MAIL_SETTINGS: StoredMailSettings = {
  host: null,
  port: 587,
  tls: 'starttls',
  user: null,
  fromName: null,
  fromAddress: null,
  replyTo: null,
  allowSelfSigned: false,
  draftsDir: null,
  officeName: null,
  signature: null,
};

/** The settings as read, with what a save needs to write over exactly this version. */
export interface MailSettingsVersion {
  settings: StoredMailSettings;
  /** When they were last saved; null before the first save. */
  updatedAt: string | null;
  /** The stored text, which the save compares against. */
  raw: string | null;
}

export async function readMailSettingsVersion(db: Db): Promise<MailSettingsVersion> {
  const raw = await getSetting(db, SETTINGS_KEY);
  const { updatedAt, ...stored } = raw ? (JSON.parse(raw) as Partial<StoredMailSettings> & { updatedAt?: string }) : {};
  return { settings: { ...DEFAULT_MAIL_SETTINGS, ...stored }, updatedAt: updatedAt ?? null, raw };
}

export async function readMailSettings(db: Db): Promise<StoredMailSettings> {
  return (await readMailSettingsVersion(db)).settings;
}

/** Writes over the version read only; false when someone else saved in between. */
export async function writeMailSettings(trx: Db, settings: StoredMailSettings, over: MailSettingsVersion, updatedAt: string): Promise<boolean> {
  return replaceSetting(trx, SETTINGS_KEY, over.raw, JSON.stringify({ ...settings, updatedAt }));
}

export async function readSecret(db: Db): Promise<StoredSecret | null> {
  const raw = await getSetting(db, PASSWORD_KEY);
  return raw ? (JSON.parse(raw) as StoredSecret | null) : null;
}

export async function writeSecret(trx: Db, secret: StoredSecret | null): Promise<void> {
  await putSetting(trx, PASSWORD_KEY, JSON.stringify(secret));
}

export async function readPaused(db: Db): Promise<boolean> {
  return (await getSetting(db, PAUSED_KEY)) === 'true';
}

export async function writePaused(trx: Db, paused: boolean): Promise<void> {
  await putSetting(trx, PAUSED_KEY, paused ? 'true' : 'false');
}

export function draftsDirOf(settings: StoredMailSettings, dataDir: string): string {
  return settings.draftsDir ?? path.join(dataDir, 'drafts');
}
