import { describe, expect, it, vi } from 'vitest';
import { AppError, type Envelope } from '../../shared/app-error';
import { CALL_NAMES, type CallName, type EventName } from '../../shared/contract';
import { createClient } from './client';
import type { Transport } from './transport';

function fakeTransport(answer: (call: CallName, input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>) {
  const calls: { call: CallName; input: unknown }[] = [];
  const listeners = new Map<EventName, ((payload: unknown) => void)[]>();
  const transport: Transport = {
    invoke: async (call, input) => {
      calls.push({ call, input });
      return answer(call, input);
    },
    on: (event, listener) => {
      const list = listeners.get(event) ?? [];
      list.push(listener as (payload: unknown) => void);
      listeners.set(event, list);
      return () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener));
    },
  };
  const fire = (event: EventName, payload: unknown) => (listeners.get(event) ?? []).forEach((l) => l(payload));
  return { transport, calls, fire };
}

describe('api client', () => {
  it('offers every contract call as api.domain.verb', () => {
    const api = createClient(fakeTransport(() => ({ ok: true, value: null })).transport) as unknown as Record<string, Record<string, unknown>>;
    for (const name of CALL_NAMES) {
      // The domain is up to the first dot; the rest is the verb: api.mail['templates.list'].
      const dot = name.indexOf('.');
      const [domain, verb] = [name.slice(0, dot), name.slice(dot + 1)];
      expect(typeof api[domain]?.[verb], name).toBe('function');
    }
  });

  it('sends the call name and input and resolves to the value', async () => {
    const fake = fakeTransport((call) => ({ ok: true, value: { call } }));
    const api = createClient(fake.transport);
    await expect(api.people.get({ id: 7 })).resolves.toEqual({ call: 'people.get' });
    await api.accessLevels.list();
    expect(fake.calls).toEqual([
      { call: 'people.get', input: { id: 7 } },
      { call: 'accessLevels.list', input: undefined },
    ]);
  });

  it('turns an error envelope into an AppError with code, sentence and fields', async () => {
    const fields = [{ field: 'email', message: 'Someone with this email is already on the list.' }];
    const api = createClient(fakeTransport(() => ({ ok: false, error: { code: 'duplicate', message: 'a@b.org is already registered.', fields } })).transport);
    const error = await api.people.create({ firstName: 'A', lastName: 'B', email: 'a@b.org', agencyId: 1, accessLevelId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'duplicate', message: 'a@b.org is already registered.', fields });
  });

  it('turns a transport that throws into an internal AppError a person can read', async () => {
    const api = createClient(fakeTransport(() => Promise.reject(new Error('IPC channel closed'))).transport);
    const error = await api.app.info().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('internal');
    expect((error as AppError).message).toMatch(/Try again/);
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const fake = fakeTransport(() => ({ ok: true, value: null }));
    const api = createClient(fake.transport);
    const seen = vi.fn();
    const off = api.on('changed', seen);
    fake.fire('changed', { entities: ['people'] });
    off();
    fake.fire('changed', { entities: ['agencies'] });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith({ entities: ['people'] });
  });
});
