import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL } from '../../shared/contract/bridge';
import { createBridge, type IpcRendererLike } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer(reply: (channel: string, input: unknown) => Promise<unknown> = async () => ({ ok: true, value: 'pong' })) {
  const listeners = new Set<Listener>();
  const invoke = vi.fn(reply);
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => invoke(channel, args[0]),
    on: (channel, listener) => channel === EVENT_CHANNEL && listeners.add(listener),
    removeListener: (_channel, listener) => listeners.delete(listener),
  };
  const emit = (name: string, payload: unknown) => listeners.forEach((l) => l({ sender: 'the ipcRenderer itself' }, name, payload));
  return { ipc, invoke, emit, listenerCount: () => listeners.size };
}

describe('createBridge', () => {
  it('sends a contract call on its own channel and returns the envelope', async () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc);
    await expect(bridge.invoke('people.get', { id: 7 })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(fake.invoke).toHaveBeenCalledWith('hmis:call:people.get', { id: 7 });
  });

  it('refuses a call outside the contract without sending anything', async () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc) as unknown as { invoke(name: string, input?: unknown): Promise<unknown> };
    for (const name of ['people.delete', 'constructor', '__proto__', 'hmis:event']) {
      await expect(bridge.invoke(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC round trip into an internal envelope instead of a rejection', async () => {
    const fake = fakeIpcRenderer(() => Promise.reject(new Error('Object has been destroyed')));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(createBridge(fake.ipc).invoke('app.info')).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers only the named event, with its payload and without the IPC event object', () => {
    const fake = fakeIpcRenderer();
    const seen: unknown[][] = [];
    const stop = createBridge(fake.ipc).on('changed', (...args) => seen.push(args));
    fake.emit('progress', { job: 'seed', label: 'Seeding', done: 1, total: 2 });
    fake.emit('changed', { entities: ['people'] });
    expect(seen).toEqual([[{ entities: ['people'] }]]);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('refuses to listen to an event outside the contract', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc) as unknown as { on(name: string, cb: () => void): () => void };
    expect(() => bridge.on('hmis:call:people.create', () => {})).toThrow(/no event named/);
    expect(() => bridge.on('toString', () => {})).toThrow(/no event named/);
  });
});
