import type { MailTemplateKey } from '../../../../shared/domain/mail-templates';
import type { Db } from '../../db/open-database';
import { mailDb } from '../mail-schema';
import type { TemplateContent } from './template-render';

export interface StoredTemplate extends TemplateContent {
  key: MailTemplateKey;
  customized: boolean;
  updatedAt: string;
}

function toStored(row: { key: string; subject: string; text_body: string; html_body: string; customized: number; updated_at: string }): StoredTemplate {
  return { key: row.key as MailTemplateKey, subject: row.subject, text: row.text_body, html: row.html_body, customized: row.customized === 1, updatedAt: row.updated_at };
}

export async function listTemplates(db: Db): Promise<StoredTemplate[]> {
  return (await mailDb(db).selectFrom('mail_templates').selectAll().orderBy('key').execute()).map(toStored);
}

export async function getTemplate(db: Db, key: MailTemplateKey): Promise<StoredTemplate | undefined> {
  const row = await mailDb(db).selectFrom('mail_templates').selectAll().where('key', '=', key).executeTakeFirst();
  return row && toStored(row);
}

export async function putTemplate(trx: Db, key: MailTemplateKey, content: TemplateContent, customized: boolean, nowIso: string): Promise<void> {
  const values = { subject: content.subject, text_body: content.text, html_body: content.html, customized: customized ? 1 : 0, updated_at: nowIso };
  await mailDb(trx)
    .insertInto('mail_templates')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

/** Adds templates a newer version ships without touching the ones the office already has. */
export async function insertMissingTemplates(trx: Db, templates: { key: MailTemplateKey; content: TemplateContent }[], nowIso: string): Promise<MailTemplateKey[]> {
  const have = new Set((await mailDb(trx).selectFrom('mail_templates').select('key').execute()).map((r) => r.key));
  const missing = templates.filter((t) => !have.has(t.key));
  for (const t of missing) await putTemplate(trx, t.key, t.content, false, nowIso);
  return missing.map((t) => t.key);
}
