import type { MessagePort } from 'node:worker_threads';
import type { PdfPrinter } from '../reports/pdf-job';
import type { SecretStore } from '../secrets/secret-store';
import type { CapabilityName, Capabilities, FromWorker } from './protocol';

type Answer = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * The worker's side of the small request/reply channel to its owner: `ask('shell.openPath', [file])`
 * posts a question and resolves with main's answer. Only the capabilities in protocol.ts exist;
 * main answers each with Electron's own API.
 */
export function createOwnerChannel(port: Pick<MessagePort, 'postMessage'>) {
  const waiting = new Map<number, (answer: Answer) => void>();
  let nextId = 1;
  return {
    ask<K extends CapabilityName>(name: K, args: Parameters<Capabilities[K]>[0]): Promise<ReturnType<Capabilities[K]>> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, (answer) => (answer.ok ? resolve(answer.value as ReturnType<Capabilities[K]>) : reject(new Error(answer.message))));
        port.postMessage({ type: 'ask', id, name, args } satisfies FromWorker);
      });
    },
    answer(id: number, answer: Answer): void {
      const settle = waiting.get(id);
      waiting.delete(id);
      settle?.(answer);
    },
  };
}

export type OwnerChannel = ReturnType<typeof createOwnerChannel>;

/**
 * safeStorage, reached from the worker: each use is one message to main and back. The password is
 * decrypted only when the sender or the Settings page needs it, never kept in the worker.
 */
export function ownerSecretStore(kind: string, channel: OwnerChannel): SecretStore {
  return {
    kind,
    available: () => channel.ask('secret.available', []),
    encrypt: (plain) => channel.ask('secret.encrypt', [plain]),
    decrypt: (cipher) => channel.ask('secret.decrypt', [cipher]),
  };
}

/** Reports printed by Electron's own Chromium in main (webContents.printToPDF): one message there and back a PDF. */
export function ownerPdfPrinter(channel: OwnerChannel): PdfPrinter {
  return {
    name: 'Electron',
    print: async (job) => new Uint8Array(await channel.ask('print.toPdf', [job])),
    close: () => Promise.resolve(),
  };
}
