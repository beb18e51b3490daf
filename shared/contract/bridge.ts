import type { Envelope } from '../app-error';
import type { EventName, EventPayload } from './events';
import type { CallName, Input, Output } from './index';

/** Calls whose input has defaults (e.g. `app.info`) may leave it out; the rest must pass it. */
export type InputArgs<K extends CallName> = undefined extends Input<K> ? [input?: Input<K>] : [input: Input<K>];

/**
 * What the Electron preload exposes as `window.hmis`, and nothing more: contract calls and
 * contract events. The renderer declares the global itself (`interface Window { hmis?: HmisBridge }`)
 * because shared/ is compiled without the DOM.
 */
export interface HmisBridge {
  /** Sends a contract call to the main process. Never rejects: failures come back as `{ ok: false }`. */
  invoke<K extends CallName>(call: K, ...input: InputArgs<K>): Promise<Envelope<Output<K>>>;
  /** Listens for one contract event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The global name the preload exposes the bridge under. */
export const BRIDGE_KEY = 'hmis';

/** One IPC channel per contract call, so main registers exactly the contract and nothing else. */
export const callChannel = (name: CallName): string => `hmis:call:${name}`;

/** The one channel main sends every contract event on: `(eventName, payload)`. */
export const EVENT_CHANNEL = 'hmis:event';
