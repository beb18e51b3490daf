import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../../shared/app-error';
import { DOCUMENT_KIND_SHORT } from '../../../../shared/domain/document';
import type { WatchRunResult } from '../../../../shared/domain/document-mail';
import type { CoreContext } from '../../context';
import type { AttachService, MessageOrigin } from '../attach-service';
import { findBySha } from '../documents.repo';
import type { MailPool } from './mail-pool';
import { originOf } from './message-service';
import { isMessageFile, readMessage } from './read-message';
import type { ToSortService } from './to-sort-service';
import { createHash } from 'node:crypto';

type FileResult = WatchRunResult['files'][number];

export interface WatchDeps {
  attach: AttachService;
  toSort: ToSortService;
  pool: MailPool;
}

export interface RunOptions {
  /** A file whose size or time changed within this long is still being written: left for the next run. */
  stableMs?: number;
  /** Files worked on at once (the PDF readers are a pool of a few workers). */
  concurrency?: number;
}

const TAKEN = /\.(pdf|eml|msg)$/i;
/** Office lock files (~$x.msg), hidden and partial downloads are not the message itself. */
const SKIPPED = /^(~\$|\.)|\.(part|crdownload|tmp)$/i;

interface Seen {
  name: string;
  size: number;
  mtimeMs: number;
}

async function snapshot(folder: string): Promise<Seen[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && TAKEN.test(e.name) && !SKIPPED.test(e.name));
  const seen = await Promise.all(files.map(async (e) => fs.stat(path.join(folder, e.name)).then((s) => ({ name: e.name, size: s.size, mtimeMs: s.mtimeMs }), () => null)));
  return seen.filter((s): s is Seen => s !== null);
}

/** "x.pdf" -> "x (2).pdf" while the name is taken in the target folder. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    const taken = await fs.access(path.join(dir, candidate)).then(() => true, () => false);
    if (!taken) return candidate;
  }
}

/** Moves the file to processed/ or refused/ with a sidecar .txt saying what happened and why. */
async function file(folder: string, result: FileResult): Promise<void> {
  const dir = path.join(folder, result.outcome === 'refused' ? 'refused' : 'processed');
  await fs.mkdir(dir, { recursive: true });
  const target = await freeName(dir, result.file);
  await fs.rename(path.join(folder, result.file), path.join(dir, target));
  await fs.writeFile(path.join(dir, `${target}.txt`), `${result.file}\n\n${result.message}\n`, 'utf8');
}

type PartOutcome = { outcome: FileResult['outcome']; line: string; documentId?: number; toSortId?: number };

/**
 * The watched folder (an Outlook rule or a shared-mailbox script saves attachments into it): every
 * PDF and email message is read and checked like a dropped one. What names someone with certainty
 * is attached; the rest waits in "To sort"; each file then moves to processed/ or refused/.
 */
export function createFolderWatch(ctx: CoreContext, deps: WatchDeps) {
  async function onePdf(fileName: string, bytes: Uint8Array, origin: MessageOrigin | undefined, source: string): Promise<PartOutcome> {
    try {
      const known = await findBySha(ctx.db, createHash('sha256').update(bytes).digest('hex'));
      if (known) return { outcome: 'duplicate', line: `${fileName}: already attached to ${known.personName} (document #${known.id}); not added again.` };
      const result = await deps.attach.attach({ fileName, bytes }, origin);
      if (result.document) return { outcome: 'attached', documentId: result.document.id, line: `${fileName}: attached to ${result.document.personName} as ${DOCUMENT_KIND_SHORT[result.document.kind]} (document #${result.document.id}), awaiting review.` };
      const row = await deps.toSort.add({ fileName, bytes }, result.recognition, origin, source);
      const best = result.recognition.candidates[0];
      const hint = best ? ` It may be ${best.name}'s (${best.reason}).` : '';
      return { outcome: 'to_sort', toSortId: row.id, line: `${fileName}: no one on the list is named with certainty, so it waits in Pending documents → To sort${row.added ? '' : ' (it was already there)'}.${hint}` };
    } catch (caught) {
      const error = AppError.from(caught);
      return { outcome: error.code === 'duplicate' ? 'duplicate' : 'refused', line: `${fileName}: ${error.message}` };
    }
  }

  async function parts(name: string, bytes: Uint8Array): Promise<{ parts: PartOutcome[]; notes: string[] }> {
    if (!isMessageFile(name)) return { parts: [await onePdf(name, bytes, undefined, name)], notes: [] };
    const reading = await readMessage(deps.pool, bytes);
    const origin = originOf(name, bytes, reading);
    const outcomes: PartOutcome[] = [];
    for (const pdf of reading.pdfs) outcomes.push(await onePdf(pdf.fileName, pdf.bytes, origin, name));
    const from = reading.envelope.from?.address;
    return { parts: outcomes, notes: [`Email${from ? ` from ${from}` : ''}${reading.envelope.subject ? `, “${reading.envelope.subject}”` : ''}.`, ...reading.notes] };
  }

  async function take(folder: string, name: string): Promise<FileResult> {
    const base = { file: name, documentIds: [] as number[], toSortIds: [] as number[] };
    let result: FileResult;
    try {
      const bytes = new Uint8Array(await fs.readFile(path.join(folder, name)));
      const { parts: done, notes } = await parts(name, bytes);
      // Kept (attached, waiting, or already there): processed; nothing usable: refused.
      const kept = done.some((p) => p.outcome !== 'refused');
      const outcome = done.find((p) => p.outcome === 'attached')?.outcome ?? done.find((p) => p.outcome === 'to_sort')?.outcome ?? (kept ? 'duplicate' : 'refused');
      const documentIds = done.flatMap((p) => (p.documentId ? [p.documentId] : []));
      const toSortIds = done.flatMap((p) => (p.toSortId ? [p.toSortId] : []));
      result = { ...base, outcome, message: [...notes, ...done.map((p) => p.line)].join('\n'), documentIds, toSortIds };
    } catch (caught) {
      result = { ...base, outcome: 'refused', message: AppError.from(caught).message };
    }
    await file(folder, result);
    return result;
  }

  let running: Promise<WatchRunResult> | null = null;

  async function run(folder: string, options: RunOptions): Promise<WatchRunResult> {
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory()) throw new AppError('not_found', `The watched folder ${folder} cannot be found. Check that it exists and this computer can reach it, or choose another in Settings.`, [{ field: 'folder', message: 'Folder not found.' }]);
    const before = await snapshot(folder);
    if (before.length === 0) return { folder, files: [] };
    await sleep(options.stableMs ?? 2000);
    const after = new Map((await snapshot(folder)).map((s) => [s.name, s]));
    const stable = before.filter((b) => after.get(b.name)?.size === b.size && after.get(b.name)?.mtimeMs === b.mtimeMs);
    const waiting = before.filter((b) => !stable.includes(b) && after.has(b.name));
    const results: FileResult[] = waiting.map((w) => ({ file: w.name, outcome: 'waiting', message: 'Still being written: left for the next run.', documentIds: [], toSortIds: [] }));
    const queue = [...stable];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        // Another process (the app beside Task Scheduler) may have taken it meanwhile.
        if (await fs.access(path.join(folder, next.name)).then(() => false, () => true)) continue;
        results.push(await take(folder, next.name).catch((error: unknown) => ({ file: next.name, outcome: 'refused' as const, message: AppError.from(error).message, documentIds: [], toSortIds: [] })));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
    return { folder, files: results.sort((a, b) => a.file.localeCompare(b.file)) };
  }

  return {
    /** One pass over the folder. Passes never overlap: a second caller waits for the pass in progress, then runs its own. */
    async runOnce(folder: string, options: RunOptions = {}): Promise<WatchRunResult> {
      while (running) await running.catch(() => undefined);
      running = run(path.resolve(folder), options);
      try {
        return await running;
      } finally {
        running = null;
      }
    },
  };
}

export type FolderWatch = ReturnType<typeof createFolderWatch>;
