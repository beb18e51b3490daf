import { AppError } from '../../../../shared/app-error';
import type { RefusalCode } from './pdf-extract';

export interface RefusalFacts {
  /** Size of the file in MB, and the limit, for `too_large`. */
  megabytes?: number;
  limitMegabytes?: number;
  /** Page count and the limit, for `too_many_pages`. */
  pages?: number;
  limitPages?: number;
  /** For `not_pdf`: what the file looks like instead ("a picture"). */
  actualType?: string;
  /** For `executable`: the name of the program inside the PDF. */
  attachmentName?: string;
}

/**
 * Each refusal says what went wrong in the office's words and what to ask the sender for,
 * because the person reading it will usually answer the email the file came with.
 */
const SENTENCES: Record<RefusalCode, (f: RefusalFacts) => string> = {
  empty: () => 'The file is empty (0 bytes). Ask the sender to attach the PDF to the email again.',
  not_pdf: (f) =>
    `This file is not a PDF, whatever its name says${f.actualType ? ` (it looks like ${f.actualType})` : ''}. Ask the sender to save or print the signed form as a PDF and send that.`,
  truncated: () =>
    'The PDF is incomplete: it stops before its end, as when a download is cut short. Save the attachment from the email again, or ask the sender to resend it.',
  damaged: () => 'The PDF is damaged and cannot be read. Ask the sender to save the form as a PDF again and resend it.',
  // Owner-password files too (they open without a password but are locked against changes): staff
  // could not tell whether a protected form was altered, and its text is decrypted with a key no one typed.
  encrypted: () =>
    'The PDF is password-protected (even one that opens without a password can be locked), so it cannot be checked or kept. Ask the sender for a copy without a password (for example by printing it to a new PDF).',
  too_large: (f) =>
    `The file is ${f.megabytes ?? '?'} MB, over the ${f.limitMegabytes ?? '?'} MB limit. Ask the sender for a smaller copy (a scan in black and white at 200–300 dpi is plenty), or raise the limit in Settings.`,
  too_many_pages: (f) =>
    `The PDF has ${f.pages ?? 'too many'} pages, over the ${f.limitPages ?? '?'}-page limit, so it is not just the signed form. Ask the sender for only the signed form, or raise the limit in Settings.`,
  timeout: () =>
    'Reading the PDF took too long and was stopped; the file may be damaged or built to cause trouble. Ask the sender to print the form to a new PDF and send that.',
  too_complex: () =>
    'The PDF needed more memory to read than is allowed and was stopped; the file may be damaged or built to cause trouble. Ask the sender to print the form to a new PDF and send that.',
  launch: () =>
    'The PDF contains an action that starts a program on the computer that opens it (a “Launch” action), so it was not attached. Ask the sender to print the form to a new PDF and send that.',
  executable: (f) =>
    `The PDF carries a program inside it${f.attachmentName ? ` (“${f.attachmentName}”)` : ''}, which a PDF viewer could run, so it was not attached. Ask the sender to print the signed form to a new PDF and send only that.`,
};

/** A refused file: an `invalid` AppError whose sentence tells staff what to ask for. */
export class PdfRefusal extends AppError {
  readonly refusal: RefusalCode;

  constructor(code: RefusalCode, facts: RefusalFacts = {}) {
    super('invalid', SENTENCES[code](facts));
    this.refusal = code;
  }
}
