import type { SecretStore } from '../core/secrets/secret-store';
import type { ShellLike } from '../core/worker/desktop-calls';
import type { PdfPrintJob } from '../core/reports/pdf-job';
import type { CapabilityImpl } from '../core/worker/protocol';

/**
 * What main does for the core worker: encrypt and decrypt with safeStorage (which exists only on
 * this thread), hand a file the worker chose to the system viewer or mail program, and print a
 * report page to PDF with Electron's Chromium. Each is one
 * request and reply over the worker's port; the worker never gets Electron, the page never gets here.
 */
export function mainCapabilities(secrets: SecretStore, shell: ShellLike, printToPdf?: (job: PdfPrintJob) => Promise<Uint8Array>): CapabilityImpl {
  return {
    'secret.available': () => secrets.available(),
    'secret.encrypt': (plain) => secrets.encrypt(plain),
    'secret.decrypt': (cipher) => secrets.decrypt(cipher),
    'shell.openPath': (file) => shell.openPath(file),
    ...(printToPdf ? { 'print.toPdf': (job: PdfPrintJob) => printToPdf(job) } : {}),
  };
}
