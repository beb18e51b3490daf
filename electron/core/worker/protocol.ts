import type { AppErrorShape, Envelope } from '../../../shared/app-error';
import type { EventName } from '../../../shared/contract/events';
import type { DocumentsOptions } from '../documents/create-documents';
import type { MailOptions } from '../mail/create-mail';
import type { PdfPrintJob } from '../reports/pdf-job';

/**
 * The messages between the thread that owns a window or an HTTP loop (the "owner") and the core
 * worker. Everything here passes by structured clone, so options are plain data: no functions,
 * no clock object (a test fixes time with `fixedNow`).
 */
export interface CoreWorkerData {
  dataDir: string;
  operator?: string;
  /** better-sqlite3 built for Electron's ABI, in development (see electron/main/launch-config.ts). */
  nativeBinding?: string;
  mail?: MailOptions;
  documents?: DocumentsOptions;
  /** Check every result against the contract's output schema (development and tests). */
  checkOutputs: boolean;
  /** Poll PRAGMA data_version to see other processes' writes (the CLI beside the open app). */
  watchOtherWriters: boolean;
  watchIntervalMs?: number;
  /** The owner answers the `secret.*` capabilities (Electron safeStorage); its store's kind. */
  ownerSecretStore?: string;
  /** The owner answers `shell.openPath` (the desktop app), so the desktop-only calls work. */
  ownerOpensPaths: boolean;
  /** The owner answers `print.toPdf` (the desktop app: Electron's printToPDF), so no Chromium is started. */
  ownerPrintsPdf?: boolean;
  /** Tests only: a clock stopped at this instant. */
  fixedNow?: string;
}

/** What the worker can ask of the owner: the few things only Electron's main process can do. */
export interface Capabilities {
  'secret.available': (args: []) => { ok: boolean; reason?: string };
  'secret.encrypt': (args: [plain: string]) => string;
  'secret.decrypt': (args: [cipher: string]) => string;
  /** Electron's shell.openPath: '' when it worked, else the system's reason. */
  'shell.openPath': (args: [file: string]) => string;
  /** Electron's webContents.printToPDF of a report page (electron/main/print-to-pdf.ts). */
  'print.toPdf': (args: [job: PdfPrintJob]) => Uint8Array;
}
export type CapabilityName = keyof Capabilities;
export type CapabilityImpl = { [K in CapabilityName]?: (...args: Parameters<Capabilities[K]>[0]) => ReturnType<Capabilities[K]> | Promise<ReturnType<Capabilities[K]>> };

export type ToWorker =
  | { type: 'call'; id: number; name: unknown; input: unknown }
  | { type: 'close' }
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; message: string };

export type FromWorker =
  | { type: 'ready'; dataDir: string }
  | { type: 'failed'; error: AppErrorShape | { message: string } }
  | { type: 'envelope'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; name: EventName; payload: unknown }
  | { type: 'ask'; id: number; name: CapabilityName; args: unknown[] }
  | { type: 'internal-error'; name: string; message: string }
  | { type: 'closed' };
