import { Worker } from 'node:worker_threads';
import type { Envelope } from '../../../shared/app-error';
import type { Emit } from '../../../shared/contract/events';
import type { CapabilityImpl, CoreWorkerData, FromWorker, ToWorker } from './protocol';
import { outputChecksByDefault } from './in-process';
import { transferablesOf } from './transfer';

/**
 * From source, core.worker.mjs registers tsx and imports core-worker-main.ts; in the Electron
 * bundle, electron.vite.config.ts builds core-worker-main.ts into out/main/core.worker.mjs, beside
 * the bundle that starts it. Same name, same relative place: one URL serves both.
 */
export const DEFAULT_CORE_WORKER_URL = new URL('./core.worker.mjs', import.meta.url);

export interface CoreWorkerOptions extends Omit<CoreWorkerData, 'checkOutputs' | 'watchOtherWriters' | 'ownerOpensPaths' | 'ownerSecretStore' | 'ownerPrintsPdf'> {
  /** Where the core's events go: the owner's event hub. */
  emit: Emit;
  /** Default: on unless NODE_ENV is 'production'. The packaged app passes false. */
  checkOutputs?: boolean;
  /** Default: on (this is for the long-lived app and host). */
  watchOtherWriters?: boolean;
  /** What only the owner can do. `secret.*` needs `secretStoreKind`; `shell.openPath` enables the desktop calls. */
  capabilities?: CapabilityImpl;
  secretStoreKind?: string;
  /** Move Uint8Arrays of inputs to the worker instead of copying (transports whose inputs are fresh). */
  transferInputs?: boolean;
  /** Tests substitute a worker that crashes. */
  workerUrl?: URL;
  /** Where internal errors (details hidden from the page) are logged. */
  log?: (message: string) => void;
}

export interface CoreWorker {
  /** The contract's dispatch, on the worker's thread: always resolves with an envelope. */
  dispatch(name: unknown, rawInput: unknown): Promise<Envelope<unknown>>;
  /** Resolves with the data folder once the database is open; rejects with the reason it could not be. */
  ready: Promise<{ dataDir: string }>;
  /** Lets calls in flight finish, closes the database, and ends the thread. */
  close(): Promise<void>;
  /** The thread itself, for benchmarks that measure it (scripts/bench); calls go through dispatch. */
  thread: Worker;
}

const CRASHED = 'The part of HMIS Access Desk that keeps the data stopped unexpectedly, so this was not finished. Close the app and open it again; if it keeps happening, send the log to your administrator.';
const CLOSED = 'HMIS Access Desk is closing, so this was not done. Open it again and retry.';

/** Starts the core in a worker thread and gives the owner a typed dispatch to it. */
export function startCoreWorker(options: CoreWorkerOptions): CoreWorker {
  const { emit, capabilities = {}, secretStoreKind, transferInputs = false, workerUrl = DEFAULT_CORE_WORKER_URL, log = console.error, ...rest } = options;
  const data: CoreWorkerData = {
    ...rest,
    checkOutputs: options.checkOutputs ?? outputChecksByDefault(),
    watchOtherWriters: options.watchOtherWriters ?? true,
    ownerSecretStore: secretStoreKind,
    ownerOpensPaths: capabilities['shell.openPath'] !== undefined,
    ownerPrintsPdf: capabilities['print.toPdf'] !== undefined,
  };
  const worker = new Worker(workerUrl, { workerData: data });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let nextId = 1;
  let gone: string | null = null;
  let startupFailed = false;
  let resolveReady!: (value: { dataDir: string }) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<{ dataDir: string }>((resolve, reject) => ((resolveReady = resolve), (rejectReady = reject)));
  // A caller that never awaits `ready` must not see an unhandled rejection; dispatch reports it too.
  ready.catch(() => {});
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  function failAll(message: string): void {
    gone ??= message;
    for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  }

  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);

  async function answer(id: number, name: keyof CapabilityImpl, args: unknown[]): Promise<void> {
    const impl = capabilities[name] as ((...a: unknown[]) => unknown) | undefined;
    try {
      if (!impl) throw new Error(`"${name}" is not available here.`);
      send({ type: 'answer', id, ok: true, value: await impl(...args) });
    } catch (error) {
      send({ type: 'answer', id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'envelope': {
        const settle = pending.get(message.id);
        pending.delete(message.id);
        return settle?.(message.envelope);
      }
      case 'event':
        return emit(message.name, message.payload as never);
      case 'ask':
        return void answer(message.id, message.name, message.args);
      case 'ready':
        return resolveReady({ dataDir: message.dataDir });
      case 'failed':
        startupFailed = true;
        gone = `HMIS Access Desk could not open its data: ${message.error.message}`;
        return rejectReady(new Error(message.error.message));
      case 'internal-error':
        return log(`The call "${message.name}" failed inside the core: ${message.message}`);
      case 'closed':
        failAll(CLOSED);
        return resolveClosed();
    }
  });
  worker.on('error', (error) => {
    log(`The core worker crashed: ${error.stack ?? error.message}`);
    rejectReady(error);
    failAll(CRASHED);
  });
  worker.on('exit', (code) => {
    rejectReady(new Error(`The core worker ended (exit code ${code}) before it was ready.`));
    failAll(code === 0 ? CLOSED : CRASHED);
    resolveClosed();
  });

  return {
    ready,
    thread: worker,
    dispatch(name, rawInput) {
      if (gone) return Promise.resolve({ ok: false, error: { code: 'internal', message: gone } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          send({ type: 'call', id, name, input: rawInput }, transferInputs ? transferablesOf(rawInput) : []);
        } catch (error) {
          // Only a value structured clone cannot copy (a function) lands here; the page never sends one.
          pending.delete(id);
          resolve({ ok: false, error: { code: 'invalid', message: `The request for "${String(name)}" could not be sent to the core (${error instanceof Error ? error.message : String(error)}).` } });
        }
      });
    },
    async close() {
      // A core that never opened has nothing to drain, and may not be listening any more.
      if (startupFailed) return void (await worker.terminate());
      if (!gone) {
        send({ type: 'close' });
        gone = CLOSED;
      }
      await closed;
      await worker.terminate();
    },
  };
}
