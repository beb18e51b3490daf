import { createReaderPool, type PdfPoolOptions } from '../pdf/pdf-pool';
import type { MailExtract, MailRefusalCode } from './mail-extract';
import { MailRefusal } from './mail-refusals';

export const MAIL_WORKER_URL = new URL('./read-mail.worker.mjs', import.meta.url);

const CODES: readonly string[] = ['broken', 'too_complex', 'timeout', 'damaged'] satisfies MailRefusalCode[];

/**
 * Email messages are read in worker threads under the PDF reader's limits (time, V8 heap, the
 * process's RSS): mailparser and msgreader are not hardened against hostile input, so a message
 * that hangs or balloons takes down only its worker.
 */
export function createMailPool(options: PdfPoolOptions = {}) {
  const pool = createReaderPool<MailExtract>({ ...options, workerUrl: options.workerUrl ?? MAIL_WORKER_URL }, (code) => new MailRefusal((CODES.includes(code) ? code : 'damaged') as MailRefusalCode));
  return {
    read: (bytes: Uint8Array) => pool.read(bytes, 0),
    close: () => pool.close(),
  };
}

export type MailPool = ReturnType<typeof createMailPool>;
