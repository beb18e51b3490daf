/** What the email reader worker (read-mail.worker.mjs) sends back about one message. */
export interface MailAddress {
  address: string;
  name: string;
}

export interface MailPart {
  /** The name as the message gave it, path and all: only for the sentence that says it was stripped. */
  rawName: string;
  /** The name without any folder (`..\\..\\x.pdf` -> `x.pdf`); may be empty. */
  filename: string;
  contentType: string;
  bytes: Uint8Array;
  /** Came from a forwarded message inside this one. */
  nested: boolean;
}

export interface MailExtract {
  format: 'eml' | 'msg';
  from: MailAddress | null;
  to: MailAddress[];
  /** ISO instant, when the message says when it was sent. */
  date: string | null;
  subject: string | null;
  attachments: MailPart[];
  /** Forwarded messages whose attachments were read (one level). */
  forwarded: { name: string; read: boolean }[];
  /** Messages forwarded inside a forwarded message: named, not opened. */
  unopened: string[];
}

/** `broken`: not a message that can be read; `too_complex`: over the attachment budget, or the pool's memory limit. */
export type MailRefusalCode = 'broken' | 'too_complex' | 'timeout' | 'damaged' | 'too_large' | 'empty' | 'no_pdf';
