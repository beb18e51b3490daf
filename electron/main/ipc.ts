import type { Envelope } from '../../shared/app-error';
import { callChannel } from '../../shared/contract/bridge';
import type { DispatchFn } from '../../shared/contract/dispatch';
import { CALL_NAMES, type CallName } from '../../shared/contract';
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

/**
 * Registers one `ipcMain.handle` per contract call (a loop over the contract, never a list kept
 * by hand). Each handler refuses a foreign sender, then hands the call to `dispatch` (the core
 * worker's, in the app), which parses the input and wraps the outcome, so the renderer always
 * receives an envelope and never a thrown error.
 * Returns a function that removes every handler again.
 */
export function registerIpc(ipcMain: IpcMainLike, dispatch: DispatchFn, isTrustedSender: SenderCheck): () => void {
  const channels = CALL_NAMES.map((name: CallName) => {
    const channel = callChannel(name);
    ipcMain.handle(channel, async (event, input) => {
      if (!safelyTrusted(isTrustedSender, event)) return UNAUTHORIZED;
      return dispatch(name, input);
    });
    return channel;
  });
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
