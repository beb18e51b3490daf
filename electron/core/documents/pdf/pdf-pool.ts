import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfExtract, RefusalCode, WorkerJob, WorkerReply } from './pdf-extract';
import { PdfRefusal } from './refusals';

export interface PdfPoolOptions {
  /** Worker threads reading at once; default: the machine's cores, at most 4. */
  size?: number;
  /** A parse still running after this long is taken to be hung, and its worker is terminated. */
  timeoutMs?: number;
  /** V8 heap limit per worker: a file that needs more kills only its worker. */
  maxHeapMb?: number;
  /** The worker script; tests substitute one that hangs or runs out of memory. */
  workerUrl?: URL;
}

export const DEFAULT_WORKER_URL = new URL('./read-pdf.worker.mjs', import.meta.url);

interface Job {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
  resolve(extract: PdfExtract): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** What a worker's death means for the file it was reading. */
function deathRefusal(error: unknown): RefusalCode {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_complex' : 'damaged';
}

/**
 * A small pool of worker threads that read untrusted PDFs, one file per worker at a time. The main
 * thread never parses a PDF: it hands over a copy of the bytes and gets text and fields back. A
 * worker that hangs past the time limit is terminated, one that dies (out of memory, a crash) is
 * replaced, and either way only that one file is refused.
 */
export function createPdfPool(options: PdfPoolOptions = {}) {
  const size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  const resourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb ?? 384, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function finish(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    // An idle worker must not keep a CLI process alive.
    slot.worker.unref();
    return job;
  }

  function replace(slot: Slot, code: RefusalCode): void {
    const job = finish(slot);
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
    job?.reject(new PdfRefusal(code));
    pump();
  }

  function spawn(): Slot {
    const worker = new Worker(workerUrl, { resourceLimits, stdout: false, stderr: false });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (reply: WorkerReply) => {
      if (slot.job?.id !== reply.id) return;
      const job = finish(slot);
      if (reply.ok) job?.resolve(reply.extract);
      else job?.reject(new PdfRefusal(reply.refusal.code, { pages: Number(reply.refusal.detail), limitPages: job.maxPages }));
      pump();
    });
    worker.on('error', (error) => slots.includes(slot) && replace(slot, deathRefusal(error)));
    worker.on('exit', () => slots.includes(slot) && replace(slot, 'damaged'));
    slots.push(slot);
    return slot;
  }

  function start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => replace(slot, 'timeout'), timeoutMs);
    const message: WorkerJob = { id: job.id, bytes: job.bytes, maxPages: job.maxPages };
    slot.worker.postMessage(message, [job.bytes.buffer as ArrayBuffer]);
  }

  function pump(): void {
    while (!closed && queue.length) {
      const slot = slots.find((s) => s.job === null) ?? (slots.length < size ? spawn() : null);
      if (!slot) return;
      start(slot, queue.shift() as Job);
    }
  }

  return {
    size,
    /** Reads a PDF in a worker; rejects with a PdfRefusal whose sentence says what to ask for. */
    read(bytes: Uint8Array, maxPages: number): Promise<PdfExtract> {
      if (closed) return Promise.reject(new Error('The PDF reader was closed.'));
      // A private copy travels (is transferred) to the worker; the caller keeps its own bytes.
      const copy = bytes.slice();
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, bytes: copy, maxPages, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The PDF reader was closed.'));
      const all = slots.splice(0);
      for (const slot of all) finish(slot)?.reject(new Error('The PDF reader was closed.'));
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}

export type PdfPool = ReturnType<typeof createPdfPool>;
