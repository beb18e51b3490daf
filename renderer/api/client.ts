import { AppError } from '../../shared/app-error';
import { CALL_NAMES, type CallName, type EventName, type EventPayload, type Input, type Output } from '../../shared/contract';
import { httpTransport } from './http-transport';
import { takeToken } from './token';
import { bridgeTransport, type HmisBridge, type Transport } from './transport';

type Domain<K extends string> = K extends `${infer D}.${string}` ? D : never;
type Verb<K extends string> = K extends `${string}.${infer V}` ? V : never;

/** Calls whose input has defaults for everything may be called with no argument. */
type CallFn<K extends CallName> = undefined extends Input<K>
  ? (input?: Input<K>) => Promise<Output<K>>
  : (input: Input<K>) => Promise<Output<K>>;

/**
 * `api.people.create(input)` for every `people.create` in the contract, and so on. The domain is
 * the name up to its first dot and the verb is the rest, so `mail.templates.list` is
 * `api.mail['templates.list']`.
 */
export type Api = {
  [D in Domain<CallName>]: { [K in CallName as Domain<K> extends D ? Verb<K> : never]: CallFn<K> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Builds the typed client by looping over the contract, so a new call needs no code here.
 * Every failure - an error envelope, a transport that throws - rejects with an AppError.
 */
export function createClient(transport: Transport): Api {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of CALL_NAMES) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const verb = name.slice(dot + 1);
    domains[domain] ??= {};
    domains[domain][verb] = async (input?: unknown) => {
      let envelope;
      try {
        envelope = await transport.invoke(name, input);
      } catch (error) {
        throw AppError.from(error);
      }
      if (!envelope.ok) throw AppError.from(envelope.error);
      return envelope.value;
    };
  }
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => transport.on(event, listener);
  return { ...domains, on } as unknown as Api;
}

declare global {
  interface Window {
    hmis?: HmisBridge;
  }
}

/** Electron when the preload bridge is there, otherwise the HTTP host that served this page. */
export function defaultTransport(): Transport {
  if (window.hmis) return bridgeTransport(window.hmis);
  return httpTransport({ token: takeToken() });
}

let instance: Api | null = null;

/** The app's client, made on first use so that tests and main.tsx choose the transport first. */
export function getApi(): Api {
  instance ??= createClient(defaultTransport());
  return instance;
}

/** Replace the app's client (tests, stories). */
export function setApi(api: Api): void {
  instance = api;
}

/** Proxy so feature code can write `api.people.list(...)` without caring when it was created. */
export const api: Api = new Proxy({} as Api, {
  get: (_target, key) => (getApi() as unknown as Record<PropertyKey, unknown>)[key],
});
