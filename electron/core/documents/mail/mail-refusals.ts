import { AppError } from '../../../../shared/app-error';
import type { MailRefusalCode } from './mail-extract';

export interface MailRefusalFacts {
  /** For `no_pdf`: what the message held instead, in words ("3 images and a Word document"). */
  held?: string;
  megabytes?: number;
  limitMegabytes?: number;
}

/** Each sentence says what to ask the sender for: staff answer the email the message came with. */
const SENTENCES: Record<MailRefusalCode, (f: MailRefusalFacts) => string> = {
  empty: () => 'The email file is empty (0 bytes). Save the message from the mail program again.',
  broken: () => 'This file is not an email message that can be read (its headers and parts are missing or broken). Save the message from the mail program again, or save its PDF attachments and drop those.',
  damaged: () => 'The email message could not be read: the reader stopped on it. Save its PDF attachments from the mail program and drop those instead.',
  timeout: () => 'Reading the email message took too long and was stopped; it may be damaged or built to cause trouble. Save its PDF attachments from the mail program and drop those instead.',
  too_complex: () => 'The email message would need more memory to read than is allowed (its attachments add up to far more than the file itself), so it was stopped; it may be built to cause trouble. Ask the sender to send the signed PDFs in a new email.',
  too_large: (f) => `The email file is ${f.megabytes ?? '?'} MB, over the ${f.limitMegabytes ?? '?'} MB an email may be. Save its PDF attachments from the mail program and drop those instead.`,
  no_pdf: (f) => `The email holds no PDF${f.held ? `: ${f.held}` : ', nothing is attached to it'} — ask for the signed PDFs.`,
};

/** A message that cannot be used at all: an `invalid` AppError whose sentence says what to do. */
export class MailRefusal extends AppError {
  readonly refusal: MailRefusalCode;

  constructor(code: MailRefusalCode, facts: MailRefusalFacts = {}) {
    super('invalid', SENTENCES[code](facts));
    this.refusal = code;
  }
}
