import { mailTemplateKey } from '../../../../shared/domain/mail';
import type { MailTemplateKey } from '../../../../shared/domain/mail-templates';
import { fromDb } from '../../db/db-enums';
import type { Db } from '../../db/open-database';
import { nextStamp } from '../../db/stamps';
import { mailDb } from '../mail-schema';
import type { TemplateContent } from './template-render';

export interface StoredTemplate extends TemplateContent {
  key: MailTemplateKey;
  customized: boolean;
  updatedAt: string;
}

function toStored(row: { key: string; subject: string; text_body: string; html_body: string; customized: number; updated_at: string }): StoredTemplate {
  return { key: fromDb(mailTemplateKey, row.key, 'mail_templates.key'), subject: row.subject, text: row.text_body, html: row.html_body, customized: row.customized === 1, updatedAt: row.updated_at };
}

export async function listTemplates(db: Db): Promise<StoredTemplate[]> {
  return (await mailDb(db).selectFrom('mail_templates').selectAll().orderBy('key').execute()).map(toStored);
}

export async function getTemplate(db: Db, key: MailTemplateKey): Promise<StoredTemplate | undefined> {
  const row = await mailDb(db).selectFrom('mail_templates').selectAll().where('key', '=', key).executeTakeFirst();
  return row && toStored(row);
}

const columns = (content: TemplateContent, customized: boolean) => ({ subject: content.subject, text_body: content.text, html_body: content.html, customized: customized ? 1 : 0 });

/** Writes only over the version the caller read; false when someone else saved the template first. */
export async function updateTemplate(trx: Db, key: MailTemplateKey, content: TemplateContent, customized: boolean, expectedUpdatedAt: string, nowIso: string): Promise<boolean> {
  const result = await mailDb(trx)
    .updateTable('mail_templates')
    .set({ ...columns(content, customized), updated_at: nextStamp(nowIso, expectedUpdatedAt) })
    .where('key', '=', key)
    .where('updated_at', '=', expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Adds templates a newer version ships without touching the ones the office already has; a
 * template another process added at the same moment is left as it is. Returns the keys added.
 */
export async function insertMissingTemplates(trx: Db, templates: { key: MailTemplateKey; content: TemplateContent }[], nowIso: string): Promise<MailTemplateKey[]> {
  const added: MailTemplateKey[] = [];
  for (const t of templates) {
    const result = await mailDb(trx)
      .insertInto('mail_templates')
      .values({ key: t.key, ...columns(t.content, false), updated_at: nowIso })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) added.push(t.key);
  }
  return added;
}

/**
 * A template the office never edited follows the shipped default when an update changes it (a
 * reworded sentence reaches every office); an edited one is left alone. Returns the keys changed.
 */
export async function refreshUncustomizedTemplates(trx: Db, templates: { key: MailTemplateKey; content: TemplateContent }[], nowIso: string): Promise<MailTemplateKey[]> {
  const refreshed: MailTemplateKey[] = [];
  for (const t of templates) {
    const result = await mailDb(trx)
      .updateTable('mail_templates')
      .set({ ...columns(t.content, false), updated_at: nowIso })
      .where('key', '=', t.key)
      .where('customized', '=', 0)
      .where((eb) => eb.or([eb('subject', '<>', t.content.subject), eb('text_body', '<>', t.content.text), eb('html_body', '<>', t.content.html)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) refreshed.push(t.key);
  }
  return refreshed;
}
