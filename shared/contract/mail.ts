import { z } from 'zod';
import { id, paged } from '../domain/common';
import {
  mailDetail,
  mailListInput,
  mailRetryInput,
  mailSettings,
  mailSettingsInput,
  mailStatusOutput,
  mailSummary,
  mailTemplate,
  mailTemplateKey,
  mailTemplateSummary,
  mailTestInput,
  mailTestOutput,
  sendDueResult,
  templatePreview,
  templatePreviewInput,
  templateResetInput,
  templateSaveInput,
} from '../domain/mail';
import { noInput } from './app';
import { call } from './define';

const changedCount = z.object({ changed: z.number().int() });

export const mailCalls = {
  /** The outbox, newest first: filter by status or by the person a message is to or about. */
  'mail.list': call({ input: mailListInput, output: paged(mailSummary) }),
  /** One message as it was rendered, with each recipient's result and its draft file if any. */
  'mail.get': call({ input: z.object({ id }), output: mailDetail }),
  /** A drafted message's `.eml` file, to save or open in Outlook (the browser downloads it). */
  'mail.draft': call({ input: z.object({ id }), output: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }) }),
  /** Opens a drafted message in the default mail program, ready to send (desktop app only). */
  'mail.openDraft': call({ input: z.object({ id }), output: z.object({}) }),
  /** Puts failed or cancelled messages back in the queue to be sent now. */
  'mail.retry': call({ input: mailRetryInput, output: changedCount }),
  /** A draft staff sent from their mail program: shown as sent; a credentials draft (it holds a password) is deleted. */
  'mail.markSent': call({ input: z.object({ id }), output: mailSummary }),
  /** Stops a message that has not been sent yet. */
  'mail.cancel': call({ input: z.object({ id }), output: mailSummary }),
  /** How many messages are in each state, whether sending is paused, and any problem that stops it. */
  'mail.status': call({ input: noInput, output: mailStatusOutput }),
  /** Holds all sending (also from the command line) until resumed. */
  'mail.pause': call({ input: noInput, output: mailStatusOutput }),
  'mail.resume': call({ input: noInput, output: mailStatusOutput }),
  /** Sends (or drafts) every message that is due now, and says how it went. */
  'mail.sendDue': call({ input: z.object({ force: z.boolean().default(false) }).default({ force: false }), output: sendDueResult }),
  /** SMTP and drafts settings; never the password, only whether one is stored and usable here. */
  'mail.settings.get': call({ input: noInput, output: mailSettings }),
  /** Changes only the fields given. A password is encrypted before it reaches the database. */
  'mail.settings.save': call({ input: mailSettingsInput, output: mailSettings }),
  /** Queues a test message through the outbox and delivers it now; the result in plain words. */
  'mail.test': call({ input: mailTestInput, output: mailTestOutput }),
  'mail.templates.list': call({ input: noInput, output: z.array(mailTemplateSummary) }),
  'mail.templates.get': call({ input: z.object({ key: mailTemplateKey }), output: mailTemplate }),
  /** Saves a template; refused with the unknown placeholders named when it has any, or when someone else saved it since `expectedUpdatedAt`. */
  'mail.templates.save': call({ input: templateSaveInput, output: mailTemplate }),
  /** Restores the template shipped with the app. */
  'mail.templates.reset': call({ input: templateResetInput, output: mailTemplate }),
  /** Renders unsaved template text on a chosen person (or sample data) and lists its problems. */
  'mail.templates.preview': call({ input: templatePreviewInput, output: templatePreview }),
};
