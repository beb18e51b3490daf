import { AppError } from '../../../../shared/app-error';
import type { ParsedInput } from '../../../../shared/contract';
import type { MailTemplate, TemplateProblem } from '../../../../shared/domain/mail';
import { MAIL_TEMPLATE_KEYS, TEMPLATE_INFO, placeholderPaths, sampleDataFor, type MailTemplateKey } from '../../../../shared/domain/mail-templates';
import { insertAudit } from '../../audit/audit.repo';
import { changedFields } from '../../audit/changes';
import type { CoreContext } from '../../context';
import { commonMailData } from '../mail-data';
import { personMailFacts } from '../mail-data.repo';
import { missingOfficeValues, readOfficeValues } from '../office-values';
import { defaultTemplate } from './template-defaults';
import { renderTemplate, templateProblems, withSignature, type TemplateContent } from './template-render';
import { getTemplate, insertMissingTemplates, listTemplates, refreshUncustomizedTemplates, updateTemplate, type StoredTemplate } from './templates.repo';
import { personNotFound } from '../../people/person-writes';

/** First start (and after an update that ships a new template): the defaults from resources/. */
export async function seedDefaultTemplates(ctx: CoreContext): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const shipped = MAIL_TEMPLATE_KEYS.map((key) => ({ key, content: defaultTemplate(key) }));
    const refreshed = await refreshUncustomizedTemplates(trx, shipped, now);
    if (refreshed.length) await insertAudit(trx, { at: now, operator: ctx.operator, action: 'mail_templates.updated', entity: 'mail_template', entityId: null, after: { keys: refreshed } });
    const added = await insertMissingTemplates(trx, shipped, now);
    if (added.length) await insertAudit(trx, { at: now, operator: ctx.operator, action: 'mail_templates.seeded', entity: 'mail_template', entityId: null, after: { keys: added } });
  });
}

/** The credentials sample with the office's real login address in place of the made-up one. */
function withLoginUrl(sample: Record<string, unknown>, loginUrl: string): Record<string, unknown> {
  const credentials = sample.credentials as Record<string, unknown> | undefined;
  return credentials ? { credentials: { ...credentials, loginUrl } } : {};
}

function problemsError(problems: TemplateProblem[]): AppError {
  const first = problems[0] as TemplateProblem;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError('invalid', `The template was not saved: ${first.message}${more}`, problems.map((p) => ({ field: p.field, message: p.message })));
}

export function createTemplatesService(ctx: CoreContext) {
  function toTemplate(stored: StoredTemplate): MailTemplate {
    return { ...stored, ...TEMPLATE_INFO[stored.key], placeholders: placeholderPaths(sampleDataFor(stored.key)) };
  }

  async function mustGet(key: MailTemplateKey): Promise<MailTemplate> {
    const stored = await getTemplate(ctx.db, key);
    if (!stored) throw new AppError('not_found', `The "${TEMPLATE_INFO[key].name}" template is missing; restart the app to restore the defaults.`);
    return toTemplate(stored);
  }

  const changedMeanwhile = (key: MailTemplateKey) =>
    new AppError('conflict', `Someone else changed the "${TEMPLATE_INFO[key].name}" template while you were editing it. Reload to see their change, then make yours again.`);

  /** Over the version the editor loaded (`expectedUpdatedAt`), or else the one read here: never over a newer save. */
  async function write(key: MailTemplateKey, content: TemplateContent, customized: boolean, action: string, expectedUpdatedAt?: string): Promise<MailTemplate> {
    const before = await mustGet(key);
    if (expectedUpdatedAt && expectedUpdatedAt !== before.updatedAt) throw changedMeanwhile(key);
    const diff = changedFields({ subject: before.subject, text: before.text, html: before.html, customized: before.customized }, { ...content, customized });
    if (!diff) return before;
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await updateTemplate(trx, key, content, customized, before.updatedAt, now))) throw changedMeanwhile(key);
      await insertAudit(trx, { at: now, operator: ctx.operator, action, entity: 'mail_template', entityId: null, ...diff, note: key });
    });
    ctx.emit('changed', { entities: ['mail'] });
    return mustGet(key);
  }

  async function preview(input: ParsedInput<'mail.templates.preview'>) {
    const content = { subject: input.subject, text: input.text, html: input.html };
    const sample = sampleDataFor(input.key);
    const problems = templateProblems(content, sample);
    const office = await readOfficeValues(ctx.db);
    const missing = missingOfficeValues(content, office);
    // The office's own values, never the sample's: the preview shows what would really be sent.
    let data: Record<string, unknown> = { ...sample, office: commonMailData(undefined, office.settings, ctx.clock.today()).office, ...withLoginUrl(sample, office.loginUrl) };
    if (input.personId !== undefined) {
      const person = (await personMailFacts(ctx.db, [input.personId])).get(input.personId);
      if (!person) throw personNotFound(input.personId);
      data = { ...data, ...commonMailData(person, office.settings, ctx.clock.today()) };
    }
    try {
      return { ...renderTemplate(withSignature(content), data), problems, missing };
    } catch (error) {
      return { subject: '', text: '', html: '', problems: problems.length ? problems : [{ field: 'html' as const, message: (error as Error).message }], missing };
    }
  }

  return {
    async list() {
      return (await listTemplates(ctx.db)).map((t) => ({ key: t.key, ...TEMPLATE_INFO[t.key], customized: t.customized, updatedAt: t.updatedAt }));
    },
    get: mustGet,
    async save(input: ParsedInput<'mail.templates.save'>): Promise<MailTemplate> {
      const content = { subject: input.subject, text: input.text, html: input.html };
      const problems = templateProblems(content, sampleDataFor(input.key));
      if (problems.length) throw problemsError(problems);
      renderTemplate(content, sampleDataFor(input.key));
      return write(input.key, content, true, 'mail_template.saved', input.expectedUpdatedAt);
    },
    reset: (input: ParsedInput<'mail.templates.reset'>) => write(input.key, defaultTemplate(input.key), false, 'mail_template.reset', input.expectedUpdatedAt),
    preview,
  };
}
