import type { Envelope } from '../../shared/app-error';
import { callChannel } from '../../shared/contract/bridge';
import { dispatch } from '../../shared/contract/dispatch';
import { CALL_NAMES, type CallName, type Handlers } from '../../shared/contract';
import type { FrameLike } from './security';

/** What an IPC handler sees of Electron's IpcMainInvokeEvent. */
export interface IpcInvokeEventLike {
  senderFrame: FrameLike | null;
}

/** The two methods of Electron's `ipcMain` we use, so tests drive the wiring with a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: IpcInvokeEventLike) => boolean;

const UNAUTHORIZED: Envelope<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'This request did not come from the HMIS Access Desk window, so it was refused.' },
};

/** Electron throws when a frame was disposed mid-call; such a sender is simply not trusted. */
function safelyTrusted(isTrustedSender: SenderCheck, event: IpcInvokeEventLike): boolean {
  try {
    return isTrustedSender(event);
  } catch {
    return false;
  }
}

function logInternalError(name: string, error: unknown): void {
  console.error(`The call "${name}" failed unexpectedly`, error);
}

/**
 * Registers one `ipcMain.handle` per contract call (a loop over the contract, never a list kept
 * by hand). Each handler refuses a foreign sender, then lets `dispatch` parse the input and wrap
 * the outcome, so the renderer always receives an envelope and never a thrown error.
 * Returns a function that removes every handler again.
 */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, isTrustedSender: SenderCheck): () => void {
  const channels = CALL_NAMES.map((name: CallName) => {
    const channel = callChannel(name);
    ipcMain.handle(channel, async (event, input) => {
      if (!safelyTrusted(isTrustedSender, event)) return UNAUTHORIZED;
      return dispatch(handlers, name, input, logInternalError);
    });
    return channel;
  });
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
