import type { Envelope } from '../../shared/app-error';
import { callChannel, EVENT_CHANNEL, type HmisBridge } from '../../shared/contract/bridge';
import { isCallName } from '../../shared/contract';
import { events, type EventName } from '../../shared/contract/events';

/** The part of Electron's ipcRenderer the bridge uses, so it is tested without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

function failure(code: 'not_found' | 'internal', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/**
 * `window.hmis`: contract calls and contract events, and not one channel more. The renderer
 * never touches ipcRenderer or an IPC event object (whose `sender` would hand it every channel).
 */
export function createBridge(ipc: IpcRendererLike): HmisBridge {
  const invoke = async (call: unknown, input?: unknown): Promise<Envelope<unknown>> => {
    if (!isCallName(call)) return failure('not_found', `There is no call named "${String(call)}".`);
    try {
      return (await ipc.invoke(callChannel(call), input)) as Envelope<unknown>;
    } catch (error) {
      console.error(`The call "${call}" could not reach the main process`, error);
      return failure('internal', 'HMIS Access Desk could not complete this request. Try again; if it keeps happening, restart the app.');
    }
  };

  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event)) throw new Error(`There is no event named "${String(event)}".`);
    if (typeof listener !== 'function') throw new Error('A listener must be a function.');
    const forward = (_ipcEvent: unknown, name: unknown, payload: unknown) => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipc.on(EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, forward);
    };
  };

  return { invoke, on } as HmisBridge;
}
