import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Person } from '../../../shared/domain/person';
import type { Clock } from '../clock';
import type { CoreContext } from '../context';
import type { FileStore } from '../files/file-store';
import { createAttachService } from './attach-service';
import { readLimits } from './document-limits';
import { referencedHashes } from './documents.repo';
import { createGroupCommit } from './group-commit';
import { accessLevelNames } from './level-names.repo';
import { createPdfPool, type PdfPoolOptions } from './pdf/pdf-pool';
import { createReviewService } from './review-service';
import { seedSampleDocuments } from './samples/demo-documents';
import { shortCache } from './short-cache';
import { createMailPool } from './mail/mail-pool';
import { createMessageService } from './mail/message-service';
import { createToSortService } from './mail/to-sort-service';
import { createFolderWatch } from './mail/watch-folder';
import { startWatchLoop } from './mail/watch-loop';

export interface DocumentsOptions {
  pool?: PdfPoolOptions;
  /** Files younger than this survive the startup sweep: another process may be mid-attach. */
  sweepGraceMs?: number;
  /**
   * Off for one-shot processes (each CLI command): the app and `npm run serve` sweep when they
   * start, and a CLI run must not walk the whole store, or remove a copy open in a PDF viewer.
   */
  sweepOnStart?: boolean;
  /** Take the watched folder's files every few seconds (the app, `npm run serve`); a number sets the interval. */
  watchFolder?: boolean | number;
}

const HOUR = 3_600_000;

/** A copy named like the original, for the system PDF viewer (the store names files by hash). */
async function exportCopy(dataDir: string, files: FileStore, doc: { id: number; sha256: string; fileName: string }): Promise<string> {
  const dir = path.join(dataDir, 'opened');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const safe = doc.fileName.replace(/[^\p{L}\p{N} ._-]+/gu, '_').replace(/\.pdf$/i, '').slice(0, 100) || 'document';
  const target = path.join(dir, `${doc.id}-${safe}.pdf`);
  await fs.copyFile(files.pathOf(doc.sha256), target);
  await fs.chmod(target, 0o600);
  return target;
}

async function sweepStore(ctx: CoreContext, files: FileStore, graceMs: number): Promise<void> {
  const referenced = await referencedHashes(ctx.db);
  // File times are the operating system's, so their age is measured by its clock, not the injected one.
  await files.sweep((sha) => referenced.has(sha), { olderThanMs: graceMs });
  // A copy still open in a PDF viewer is locked on Windows; the caller logs that and goes on.
  await fs.rm(path.join(ctx.dataDir, 'opened'), { recursive: true, force: true });
}

/**
 * The documents feature as the core wires it (its calls are in documents-handlers.ts). At start it sweeps the file store: files no row
 * names (left by a crash between the file write and the commit) go, as do old viewer copies.
 */
export async function createDocuments(ctx: CoreContext, deps: { files: FileStore; getPerson(id: number): Promise<Person> }, options: DocumentsOptions = {}) {
  if (options.sweepOnStart !== false) {
    // Housekeeping must never keep the office out of its data: a failed sweep is retried next start.
    await sweepStore(ctx, deps.files, options.sweepGraceMs ?? HOUR).catch((error: unknown) => console.warn('The file store sweep did not finish:', error));
  }

  const pool = createPdfPool(options.pool);
  const limits = shortCache(() => readLimits(ctx.db));
  const levels = shortCache(() => accessLevelNames(ctx.db));
  const attachDeps = { files: deps.files, pool, commit: createGroupCommit(ctx), limits: limits.get, levels: levels.get };
  // Sample data dates its forms in the past: the same services, on another clock.
  const servicesAt = (clock: Clock) => {
    const at = { ...ctx, clock };
    return { attach: createAttachService(at, attachDeps), review: createReviewService(at, { getPerson: deps.getPerson }) };
  };
  const { attach, review } = servicesAt(ctx.clock);
  // Email messages are read by their own workers, under the PDF reader's limits.
  const mailPool = createMailPool(options.pool);
  const messages = createMessageService(ctx, { pool: mailPool, attach });
  const toSort = createToSortService(ctx, { files: deps.files, attach });
  const watch = createFolderWatch(ctx, { attach, toSort, pool: mailPool });
  const stopWatching = options.watchFolder ? startWatchLoop(ctx.db, watch, typeof options.watchFolder === 'number' ? options.watchFolder : undefined) : () => {};

  return {
    pool,
    attach,
    review,
    messages,
    toSort,
    watch,
    limits,
    files: deps.files,
    getPerson: deps.getPerson,
    /** For the desktop shell: a named copy of the original to hand to the system viewer. */
    async exportCopy(id: number): Promise<string> {
      return exportCopy(ctx.dataDir, deps.files, await review.get(id));
    },
    /** `demo seed`, after its people are committed: sample forms attached and reviewed. */
    seedSamples: () => seedSampleDocuments(ctx, servicesAt),
    close: async () => {
      stopWatching();
      await Promise.all([pool.close(), mailPool.close()]);
    },
  };
}

export type Documents = Awaited<ReturnType<typeof createDocuments>>;
