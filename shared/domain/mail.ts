import { z } from 'zod';
import { email, id, isoInstant, optionalEmail, optionalText, page } from './common';
import { MAIL_TEMPLATE_KEYS } from './mail-templates';

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'drafted', 'failed', 'cancelled'] as const;
export const mailStatus = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof mailStatus>;

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  drafted: 'Saved as draft',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** none: plain text (trusted local relay only); starttls: upgrade required (587/25); tls: TLS from the first byte (465). */
export const TLS_MODES = ['none', 'starttls', 'tls'] as const;
export const tlsMode = z.enum(TLS_MODES);
export type TlsMode = z.infer<typeof tlsMode>;

export const mailTemplateKey = z.enum(MAIL_TEMPLATE_KEYS);

export const mailAddress = z.object({ address: z.string(), name: z.string().nullable() });
export type MailAddress = z.infer<typeof mailAddress>;

/** What happened to one recipient on the last attempt, in the server's words. */
export const recipientResult = z.object({
  address: z.string(),
  status: z.enum(['sent', 'failed']),
  response: z.string().nullable(),
});
export type RecipientResult = z.infer<typeof recipientResult>;

export const mailAttachment = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(255),
  contentType: z.string().max(100).nullable(),
});
export type MailAttachment = z.infer<typeof mailAttachment>;

export const mailSummary = z.object({
  id,
  messageId: z.string(),
  personId: id.nullable(),
  personName: z.string().nullable(),
  template: mailTemplateKey,
  to: z.array(mailAddress),
  cc: z.array(mailAddress),
  subject: z.string(),
  status: mailStatus,
  attempts: z.number().int(),
  nextAttemptAt: isoInstant.nullable(),
  /** Why the last attempt did not deliver (or which recipients refused), in plain words. */
  lastError: z.string().nullable(),
  sentAt: isoInstant.nullable(),
  /** The .eml file of a drafted message; the desktop app opens it in the mail program. */
  draftPath: z.string().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type MailSummary = z.infer<typeof mailSummary>;

export const mailDetail = mailSummary.extend({
  text: z.string(),
  html: z.string(),
  attachments: z.array(mailAttachment),
  recipients: z.array(recipientResult),
});
export type MailDetail = z.infer<typeof mailDetail>;

export const mailListInput = z.object({
  status: mailStatus.optional(),
  personId: id.optional(),
  ...page,
});

export const mailRetryInput = z
  .object({ ids: z.array(id).min(1).max(1000).optional(), allFailed: z.boolean().optional() })
  .refine((v) => Boolean(v.ids) !== Boolean(v.allFailed), 'Give either the messages to retry or allFailed, not both.');

export const mailCounts = z.object(Object.fromEntries(MAIL_STATUSES.map((s) => [s, z.number().int()])) as Record<MailStatus, z.ZodNumber>);

export const sendDueResult = z.object({
  sent: z.number().int(),
  drafted: z.number().int(),
  failed: z.number().int(),
  retrying: z.number().int(),
  paused: z.boolean(),
  /** Set when nothing could be sent at all (e.g. the password cannot be read here), in plain words. */
  problem: z.string().nullable(),
});
export type SendDueResult = z.infer<typeof sendDueResult>;

export const mailStatusOutput = z.object({
  counts: mailCounts,
  /** Sent messages that some recipient refused. */
  partlyFailed: z.number().int(),
  paused: z.boolean(),
  mode: z.enum(['smtp', 'drafts']),
  problem: z.string().nullable(),
  nextAttemptAt: isoInstant.nullable(),
});

const port = z.number().int().min(1, 'Use a port between 1 and 65535.').max(65535, 'Use a port between 1 and 65535.');

/** Every field optional: a save changes only what it names (the CLI sets one thing at a time). */
export const mailSettingsInput = z.object({
  /** Empty or null: no SMTP server, messages become drafts. */
  host: optionalText('mail server name', 253),
  port: port.optional(),
  tls: tlsMode.optional(),
  user: optionalText('user name', 254),
  /** Left out: keep the stored password. Empty string: remove it. */
  password: z.string().max(1000, 'A password this long is surely a paste mistake.').optional(),
  fromName: optionalText('sender name', 120),
  fromAddress: optionalEmail,
  replyTo: optionalEmail,
  allowSelfSigned: z.boolean().optional(),
  /** Null: the default folder inside the data folder. */
  draftsDir: optionalText('drafts folder', 1000),
  officeName: optionalText('office name', 160),
  signature: optionalText('signature', 2000),
  /** The `updatedAt` the form loaded (null: never saved): a save over someone else's newer one is refused. */
  expectedUpdatedAt: isoInstant.nullable().optional(),
});
export type MailSettingsInput = z.input<typeof mailSettingsInput>;

export const mailSettings = z.object({
  host: z.string().nullable(),
  port,
  tls: tlsMode,
  user: z.string().nullable(),
  passwordSet: z.boolean(),
  /** Why a stored password cannot be used here (saved by the desktop app, key file missing…). */
  passwordProblem: z.string().nullable(),
  /** Where a new password would be kept: 'key-file' or 'safe-storage'. */
  secretBackend: z.string(),
  fromName: z.string().nullable(),
  fromAddress: z.string().nullable(),
  replyTo: z.string().nullable(),
  allowSelfSigned: z.boolean(),
  draftsDir: z.string(),
  draftsDirIsDefault: z.boolean(),
  officeName: z.string().nullable(),
  signature: z.string().nullable(),
  mode: z.enum(['smtp', 'drafts']),
  /** When the settings were last saved (null: never); send it back as `expectedUpdatedAt`. */
  updatedAt: isoInstant.nullable(),
});
export type MailSettings = z.infer<typeof mailSettings>;

export const mailTestInput = z.object({ to: email });
export const mailTestOutput = z.object({
  outcome: z.enum(['sent', 'drafted', 'failed']),
  /** The result in plain words: delivered, cannot reach host, TLS mismatch, login refused… */
  message: z.string(),
  mailId: id,
});

export const templateProblem = z.object({ field: z.enum(['subject', 'text', 'html']), message: z.string() });
export type TemplateProblem = z.infer<typeof templateProblem>;

export const mailTemplateSummary = z.object({
  key: mailTemplateKey,
  name: z.string(),
  description: z.string(),
  customized: z.boolean(),
  updatedAt: isoInstant,
});

export const mailTemplate = mailTemplateSummary.extend({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** Every placeholder this template may use, e.g. `person.firstName`, `materials` (a list). */
  placeholders: z.array(z.string()),
});
export type MailTemplate = z.infer<typeof mailTemplate>;

export const templateContent = {
  subject: z.string().trim().min(1, 'Enter a subject.').max(300, 'Keep the subject under 300 characters.'),
  text: z.string().min(1, 'Enter the plain-text version.').max(50_000),
  html: z.string().min(1, 'Enter the HTML version.').max(200_000),
};

/** The `updatedAt` the editor loaded: a save or reset over someone else's newer edit is refused, not lost. */
const expectedUpdatedAt = isoInstant.optional();
export const templateSaveInput = z.object({ key: mailTemplateKey, expectedUpdatedAt, ...templateContent });
export const templateResetInput = z.object({ key: mailTemplateKey, expectedUpdatedAt });
/** Lenient on purpose: the editor previews while the office is still typing. */
export const templatePreviewInput = z.object({
  key: mailTemplateKey,
  personId: id.optional(),
  subject: z.string().max(300),
  text: z.string().max(50_000),
  html: z.string().max(200_000),
});
export const templatePreview = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  problems: z.array(templateProblem),
  /** Office values this template uses that are still empty in Settings → Office: a warning, not a refusal. */
  missing: z.array(z.string()),
});
