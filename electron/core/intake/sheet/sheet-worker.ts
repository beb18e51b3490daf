import { Worker } from 'node:worker_threads';
import type { TableRow } from '../table';

/** What a spreadsheet may hold; each limit, when passed, is refused with its own sentence. */
export interface SheetLimits {
  /** Data rows (the header is not counted). */
  maxRows: number;
  maxColumns: number;
  /** Excel's own limit for one cell. */
  maxCellChars: number;
  /** All cells together: what crosses back from the worker and is kept while importing. */
  maxTextChars: number;
  /** The parts of the workbook that are read, once unpacked (the upload limit sees them packed). */
  maxUnpackedBytes: number;
}

export const SHEET_LIMITS: SheetLimits = {
  maxRows: 50_000,
  maxColumns: 256,
  maxCellChars: 32_767,
  maxTextChars: 32_000_000,
  maxUnpackedBytes: 256 * 1024 * 1024,
};

export type SheetProblemCode = 'unreadable' | 'inconsistent' | 'unpacked_too_big' | 'too_many_rows' | 'too_many_columns' | 'cell_too_long' | 'too_much_text' | 'too_complex' | 'timeout';

export class SheetProblem extends Error {
  constructor(
    readonly code: SheetProblemCode,
    readonly detail?: string,
  ) {
    super(code);
  }
}

type Reply = { id: number } & ({ ok: true; sheet: string | null; rows: TableRow[] } | { ok: false; problem: { code: SheetProblemCode; detail?: string } });

const WORKER_URL = new URL('./read-xlsx.worker.mjs', import.meta.url);
/** Heap for the shared strings and the rows on their way back; what needs more kills only the worker. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 };
const TIMEOUT_MS = 60_000;
/** Spreadsheets come rarely: an idle worker goes after a while rather than hold its memory. */
const IDLE_MS = 30_000;

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
/** One workbook at a time: each may use the whole heap limit. */
let tail: Promise<unknown> = Promise.resolve();

function stop(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  void worker?.terminate();
  worker = null;
}

function spawn(): Worker {
  const spawned = new Worker(WORKER_URL, { resourceLimits: RESOURCE_LIMITS, stdout: false, stderr: false });
  // A worker that dies while idle is not handed the next workbook.
  spawned.once('exit', () => {
    if (worker === spawned) worker = null;
  });
  return spawned;
}

function run(bytes: Uint8Array, limits: SheetLimits): Promise<{ sheet: string | null; rows: TableRow[] }> {
  if (idleTimer) clearTimeout(idleTimer);
  const current = (worker ??= spawn());
  current.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const done = (settle: () => void, keep: boolean) => {
      clearTimeout(timer);
      current.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (!keep) stop();
      else {
        current.unref();
        idleTimer = setTimeout(stop, IDLE_MS);
        idleTimer.unref();
      }
      settle();
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      done(() => (reply.ok ? resolve({ sheet: reply.sheet, rows: reply.rows }) : reject(new SheetProblem(reply.problem.code, reply.problem.detail))), true);
    };
    const onError = (error: NodeJS.ErrnoException) => done(() => reject(new SheetProblem(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_complex' : 'unreadable')), false);
    const onExit = () => done(() => reject(new SheetProblem('unreadable')), false);
    const timer = setTimeout(() => done(() => reject(new SheetProblem('timeout')), false), TIMEOUT_MS);
    current.on('message', onMessage).on('error', onError).on('exit', onExit);
    const copy = bytes.slice();
    current.postMessage({ id, bytes: copy, limits }, [copy.buffer]);
  });
}

/**
 * Reads a workbook's first non-empty sheet in a worker thread: the thread that asked never unzips
 * or parses it. Rejects with a SheetProblem.
 */
export function readSheetInWorker(bytes: Uint8Array, limits: SheetLimits = SHEET_LIMITS): Promise<{ sheet: string | null; rows: TableRow[] }> {
  const result = tail.then(() => run(bytes, limits));
  tail = result.catch(() => undefined);
  return result;
}
