import type { Envelope } from '../../shared/app-error';
import type { HmisBridge } from '../../shared/contract/bridge';
import type { CallName, EventName, EventPayload } from '../../shared/contract';

export type { HmisBridge };

/**
 * How the client reaches the core. Two implementations: Electron's preload bridge and HTTP (the
 * browser build). Tests pass a fake one. A transport never throws for an application error: it
 * resolves to the envelope, exactly as IPC and HTTP carry it.
 */
export interface Transport {
  invoke(call: CallName, input: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** In Electron the preload bridge already speaks envelopes; this only narrows its types. */
export function bridgeTransport(bridge: HmisBridge): Transport {
  return {
    // The client has already typed the input per call; the bridge's per-call generics add nothing here.
    invoke: (call, input) => (bridge.invoke as (call: CallName, input: unknown) => Promise<Envelope<unknown>>)(call, input),
    on: (event, listener) => bridge.on(event, listener),
  };
}
