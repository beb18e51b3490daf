import { availableParallelism, freemem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfExtract, RefusalCode, WorkerJob } from './pdf-extract';
import { PdfRefusal } from './refusals';

export interface PdfPoolOptions {
  /** Worker threads reading at once; default: the machine's cores, at most 4. */
  size?: number;
  /** A parse still running after this long is taken to be hung, and its worker is terminated. */
  timeoutMs?: number;
  /** V8 heap limit per worker: a file that needs more kills only its worker. */
  maxHeapMb?: number;
  /**
   * Memory one read may add to the process, heap and ArrayBuffers together (the heap limit does
   * not cover the buffers pdf.js decodes into). The pool watches the process's RSS while it reads.
   */
  maxJobMemoryMb?: number;
  /** Memory all reads at once may add: four side by side share it, so an 8 GB office PC keeps room. */
  maxTotalMemoryMb?: number;
  /** The worker script; tests substitute one that hangs or runs out of memory. */
  workerUrl?: URL;
}

const MB = 1024 * 1024;
/** How often the pool looks at the process's memory while a file is being read. */
const WATCH_MS = 20;

export const DEFAULT_WORKER_URL = new URL('./read-pdf.worker.mjs', import.meta.url);

/** What a worker answers: the pool knows only the envelope; each reader its own extract and refusal codes. */
type ReaderReply<T> = { id: number } & ({ ok: true; extract: T } | { ok: false; refusal: { code: string; detail?: string } });

/** Builds the error for a refused file: the reader's own code, or the pool's `timeout`, `too_complex`, `damaged`. */
export type RefusalFactory = (code: string, detail: string | undefined, maxPages: number) => Error;

const pdfRefusal: RefusalFactory = (code, detail, maxPages) => new PdfRefusal(code as RefusalCode, { pages: Number(detail), limitPages: maxPages, attachmentName: detail });

interface Job {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
  /** Stopped once while others were read beside it: read again on its own, to tell whose memory it was. */
  alone: boolean;
  resolve(extract: never): void;
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
  return createReaderPool<PdfExtract>(options, pdfRefusal);
}

/**
 * The same pool for any reader of untrusted files whose worker speaks the job/reply protocol of
 * pdf-extract.ts (the email reader too): the limits are the PDF reader's, the sentences the reader's.
 */
export function createReaderPool<T>(options: PdfPoolOptions, refuse: RefusalFactory) {
  const size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  const resourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb ?? 384, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 };
  const jobBytes = (options.maxJobMemoryMb ?? 512) * MB;
  const totalBytes = Math.max(jobBytes, (options.maxTotalMemoryMb ?? 1024) * MB);
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  /** The process's RSS when nothing was being read: what each read's allowance adds to. */
  let idleRss = process.memoryUsage.rss();
  /**
   * What stopped workers left behind: the C allocator keeps their small blocks for later threads
   * rather than give them back, so RSS stays up after a stop. It is not counted as the rest of
   * the process growing (else every bomb would raise the baseline by its allowance): the bound
   * stays the idle RSS + one total allowance kept + the allowance of the reads in progress.
   */
  let retained = 0;
  let watch: NodeJS.Timeout | null = null;
  /** Workers stopped but not yet gone: their memory still counts, so nothing new starts. */
  let terminating = 0;
  const busy = () => slots.filter((s) => s.job !== null);

  function finish(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    // An idle worker must not keep a CLI process alive.
    slot.worker.unref();
    return job;
  }

  function drop(slot: Slot): Job | null {
    const job = finish(slot);
    slots.splice(slots.indexOf(slot), 1);
    terminating += 1;
    void slot.worker.terminate().finally(() => {
      terminating -= 1;
      if (terminating === 0 && busy().length === 0) retained = Math.max(retained, process.memoryUsage.rss() - idleRss);
      pump();
    });
    return job;
  }

  function replace(slot: Slot, code: RefusalCode): void {
    const job = drop(slot);
    job?.reject(refuse(code, undefined, job.maxPages));
    pump();
  }

  /**
   * Past the allowance, every read in progress is stopped: one read alone is refused; reads side
   * by side are each read again alone, so only the file that needs the memory is refused.
   */
  function checkMemory(): void {
    const running = busy();
    // Kept memory is allowed on top (a new thread reuses only part of it), up to one total allowance.
    const limit = idleRss + Math.min(retained, totalBytes) + Math.min(running.length * jobBytes, totalBytes);
    if (running.length === 0 || process.memoryUsage.rss() <= limit) return;
    if (running.length === 1) return replace(running[0] as Slot, 'too_complex');
    const again = running.map(drop).filter((job): job is Job => job !== null);
    queue.unshift(...again.map((job) => ({ ...job, alone: true })));
    pump();
  }

  function watchMemory(): void {
    const reading = busy().length > 0;
    if (reading && !watch) {
      watch = setInterval(checkMemory, WATCH_MS);
      watch.unref();
    } else if (!reading && watch) {
      clearInterval(watch);
      watch = null;
    }
  }

  function spawn(): Slot {
    const worker = new Worker(workerUrl, { resourceLimits, stdout: false, stderr: false });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (reply: ReaderReply<T>) => {
      if (slot.job?.id !== reply.id) return;
      const job = finish(slot);
      if (reply.ok) (job?.resolve as ((extract: T) => void) | undefined)?.(reply.extract);
      else job?.reject(refuse(reply.refusal.code, reply.refusal.detail, job.maxPages));
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
    // The worker gets its own copy: a job read again after a stop still has its bytes.
    const message: WorkerJob = { id: job.id, bytes: job.bytes.slice(), maxPages: job.maxPages };
    slot.worker.postMessage(message, [message.bytes.buffer as ArrayBuffer]);
  }

  /** Another read starts beside running ones only if none must run alone and the machine has the memory free. */
  function mayStart(next: Job): boolean {
    const running = busy();
    if (running.length === 0) return true;
    if (next.alone || running.some((s) => s.job?.alone)) return false;
    return freemem() > 2 * jobBytes;
  }

  function pump(): void {
    if (!closed && terminating === 0) {
      // Past one total allowance, what stopped readers kept is taken as the new idle level: else a
      // good form after several bombs would be refused for memory it never used.
      if (busy().length === 0) idleRss = process.memoryUsage.rss() - Math.min(retained, totalBytes);
      while (queue.length && mayStart(queue[0] as Job)) {
        const slot = slots.find((s) => s.job === null) ?? (slots.length < size ? spawn() : null);
        if (!slot) break;
        start(slot, queue.shift() as Job);
      }
    }
    watchMemory();
  }

  return {
    size,
    /** Reads a PDF in a worker; rejects with a PdfRefusal whose sentence says what to ask for. */
    read(bytes: Uint8Array, maxPages: number): Promise<T> {
      if (closed) return Promise.reject(new Error('The PDF reader was closed.'));
      // A private copy is kept until the read ends; the caller keeps its own bytes.
      const copy = bytes.slice();
      return new Promise<T>((resolve, reject) => {
        queue.push({ id: nextId++, bytes: copy, maxPages, alone: false, resolve: resolve as (extract: never) => void, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      if (watch) clearInterval(watch);
      for (const job of queue.splice(0)) job.reject(new Error('The PDF reader was closed.'));
      const all = slots.splice(0);
      for (const slot of all) finish(slot)?.reject(new Error('The PDF reader was closed.'));
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}

export type PdfPool = ReturnType<typeof createPdfPool>;
export type ReaderPool<T> = ReturnType<typeof createReaderPool<T>>;
