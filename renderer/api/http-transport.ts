import { isAppErrorShape, type Envelope } from '../../shared/app-error';
import { ENTITY_KINDS, events, type EventName, type EventPayload } from '../../shared/contract';
import { decodeWire, encodeWire } from '../../shared/contract/wire';
import type { Transport } from './transport';

export interface HttpTransportOptions {
  token: string | null;
  /** Injected so tests run without a server; defaults to the page's own. */
  fetch?: typeof fetch;
  eventSource?: (url: string) => EventSource;
  baseUrl?: string;
}

const UNREACHABLE = 'HMIS Access Desk cannot reach its service. Check that it is still running (npm run serve), then try again.';
const NO_TOKEN = 'This page was opened without its access key. Open the address that `npm run serve` printed.';

type Listener = (payload: unknown) => void;

/** The contract over `POST /api/<call>` (wire-encoded JSON) and `/api/events` (server-sent events). */
export function httpTransport(options: HttpTransportOptions): Transport {
  const base = options.baseUrl ?? '/api';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  async function invoke(call: string, input: unknown): Promise<Envelope<unknown>> {
    if (!options.token) return { ok: false, error: { code: 'unauthorized', message: NO_TOKEN } };
    let response: Response;
    try {
      response = await doFetch(`${base}/${call}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: encodeWire(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: UNREACHABLE } };
    }
    return readEnvelope(response);
  }

  function emit(event: EventName, payload: unknown) {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  function connect() {
    if (source || !options.token) return;
    const url = `${base}/events?token=${encodeURIComponent(options.token)}`;
    source = options.eventSource ? options.eventSource(url) : new EventSource(url);
    let dropped = false;
    source.addEventListener('error', () => {
      dropped = true;
    });
    // Events sent while the connection was down are lost: after a reconnect everything refreshes.
    source.addEventListener('open', () => {
      if (dropped) emit('changed', { entities: [...ENTITY_KINDS] });
      dropped = false;
    });
    for (const name of Object.keys(events) as EventName[]) {
      source.addEventListener(name, (message) => {
        const data = parseJson((message as MessageEvent<string>).data);
        if (data !== undefined) emit(name, data);
      });
    }
  }

  return {
    invoke,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      connect();
      return () => {
        set.delete(wrapped);
      };
    },
  };
}

async function readEnvelope(response: Response): Promise<Envelope<unknown>> {
  let body: unknown;
  try {
    body = decodeWire(await response.text());
  } catch {
    body = undefined;
  }
  if (isEnvelope(body)) return body;
  const message =
    response.status === 401 || response.status === 403
      ? NO_TOKEN
      : `HMIS Access Desk's service answered in a way this page does not understand (HTTP ${response.status}). Reload the page; if it keeps happening, restart the service.`;
  return { ok: false, error: { code: response.status === 401 || response.status === 403 ? 'unauthorized' : 'internal', message } };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.ok === true && 'value' in v) || (v.ok === false && isAppErrorShape(v.error));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
