import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/app-error';
import { dispatch } from '../../../shared/contract/dispatch';
import { fixedClock } from '../clock';
import { createCore, type Core } from '../create-core';
import { desktopHandlers } from './desktop-calls';
import { createOwnerChannel, ownerPdfPrinter, ownerSecretStore } from './owner-channel';
import type { CoreWorkerData, FromWorker, ToWorker } from './protocol';

// The core's thread (started by start-core-worker.ts): owns the database, the file store, mail
// and the PDF pool. The owner's thread (Electron main, the HTTP host) only passes messages, so a
// slow query never stalls a window or an HTTP loop. Calls run one after another on this thread's
// event loop; long jobs yield between chunks so others slip in (see demo-seed-service.ts).

if (!parentPort) throw new Error('core-worker-main.ts must run in a worker thread (start it with startCoreWorker).');
const port = parentPort;
const data = workerData as CoreWorkerData;
const channel = createOwnerChannel(port);
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function open(): Promise<{ core: Core; handlers: Core['handlers'] }> {
  const core = await createCore({
    dataDir: data.dataDir,
    operator: data.operator,
    nativeBinding: data.nativeBinding,
    mail: data.mail,
    documents: data.documents,
    clock: data.fixedNow ? fixedClock(data.fixedNow) : undefined,
    secretStore: data.ownerSecretStore ? ownerSecretStore(data.ownerSecretStore, channel) : undefined,
    pdfPrinter: data.ownerPrintsPdf ? ownerPdfPrinter(channel) : undefined,
    watchOtherWriters: data.watchOtherWriters ? (data.watchIntervalMs ?? true) : false,
    emit: (name, payload) => post({ type: 'event', name, payload }),
  });
  const handlers = data.ownerOpensPaths ? desktopHandlers(core, { openPath: (file) => channel.ask('shell.openPath', [file]) }) : core.handlers;
  return { core, handlers };
}

function reportInternal(name: string, error: unknown): void {
  // The envelope hides details from the page; the owner's log gets them.
  post({ type: 'internal-error', name, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

async function main(): Promise<void> {
  let opened: Awaited<ReturnType<typeof open>>;
  try {
    opened = await open();
  } catch (error) {
    post({ type: 'failed', error: error instanceof AppError ? error.toJSON() : { message: error instanceof Error ? error.message : String(error) } });
    return;
  }
  const { core, handlers } = opened;
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'answer') {
      channel.answer(message.id, message.ok ? { ok: true, value: message.value } : { ok: false, message: message.message });
    } else if (message.type === 'call') {
      const { id } = message;
      if (closing) return post({ type: 'envelope', id, envelope: { ok: false, error: { code: 'conflict', message: 'HMIS Access Desk is closing, so this was not done. Open it again and retry.' } } });
      const done = dispatch(handlers, message.name, message.input, { onInternalError: reportInternal, checkOutput: data.checkOutputs }).then((envelope) => {
        // Results are fresh per call, but a cache may still hold the same bytes: copy, never transfer.
        post({ type: 'envelope', id, envelope });
      });
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    } else if (message.type === 'close' && !closing) {
      closing = true;
      void Promise.allSettled([...inFlight])
        .then(() => core.close())
        .then(
          () => post({ type: 'closed' }),
          (error: unknown) => {
            reportInternal('close', error);
            post({ type: 'closed' });
          },
        );
    }
  });
  post({ type: 'ready', dataDir: core.dataDir });
}

void main();
