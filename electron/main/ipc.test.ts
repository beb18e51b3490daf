import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/contract';
import { callChannel } from '../../shared/contract/bridge';
import { createCore, type Core } from '../core/create-core';
import { inProcessDispatch } from '../core/worker/in-process';
import { registerIpc, type IpcInvokeEventLike, type IpcMainLike } from './ipc';
import { isTrustedFrame, type FrameLike } from './security';

type Listener = Parameters<IpcMainLike['handle']>[1];

/** Behaves like Electron's ipcMain: one handler per channel, and invoking an unknown one fails. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    handle(channel: string, listener: Listener) {
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      listeners.set(channel, listener);
    },
    removeHandler(channel: string) {
      listeners.delete(channel);
    },
    channels: () => [...listeners.keys()],
    async invoke(channel: string, frame: FrameLike | null, input?: unknown): Promise<unknown> {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`No handler registered for '${channel}'`);
      const event: IpcInvokeEventLike = { senderFrame: frame };
      return listener(event, input);
    },
  };
}

const appFrame: FrameLike = { url: 'app://hmis/index.html', parent: null };

let dataDir: string;
let core: Core;
let ipc: ReturnType<typeof fakeIpcMain>;
let unregister: () => void;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hmis-ipc-'));
  core = await createCore({ dataDir, operator: 'ipc.test' });
  ipc = fakeIpcMain();
  unregister = registerIpc(ipc, inProcessDispatch(core), (event) => isTrustedFrame(event.senderFrame));
});

afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function registerPerson(frame: FrameLike | null, email: string) {
  const levels = (await ipc.invoke(callChannel('accessLevels.list'), appFrame)) as { ok: true; value: { id: number }[] };
  const agency = (await ipc.invoke(callChannel('agencies.create'), appFrame, { name: 'River City Outreach' })) as { ok: true; value: { id: number } };
  return ipc.invoke(callChannel('people.create'), frame, {
    firstName: 'Maria',
    lastName: 'Garcia',
    email,
    agencyId: agency.value.id,
    accessLevelId: levels.value[0]?.id,
  });
}

async function peopleTotal(): Promise<number> {
  return (await core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 10 })).total;
}

describe('registerIpc', () => {
  it('registers exactly one channel per contract call', () => {
    expect(ipc.channels().sort()).toEqual(CALL_NAMES.map(callChannel).sort());
  });

  it('answers a valid call from our page with the value in an ok envelope', async () => {
    const result = await registerPerson(appFrame, 'maria.garcia@rivercity.example.org');
    expect(result).toMatchObject({ ok: true, value: { firstName: 'Maria', agencyName: 'River City Outreach', stage: 'awaiting_documents' } });
    expect(await ipc.invoke(callChannel('app.info'), appFrame)).toMatchObject({ ok: true, value: { dataDir, counts: { people: 1 } } });
  });

  it('returns an invalid envelope naming each bad field, and writes nothing', async () => {
    const result = await registerPerson(appFrame, 'maria at rivercity');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ field: 'email', message: 'Enter a complete email address, like name@agency.org.' }] },
    });
    const empty = await ipc.invoke(callChannel('people.create'), appFrame, {});
    const fields = (empty as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'agencyId', 'accessLevelId']));
    expect(await peopleTotal()).toBe(0);
  });

  it('turns a core error into its envelope instead of throwing across the process boundary', async () => {
    expect(await ipc.invoke(callChannel('people.get'), appFrame, { id: 4242 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it.each([
    ['another site', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///home/office/page.html', parent: null }],
    ['a frame inside our page', { url: 'app://hmis/index.html', parent: appFrame }],
    ['a disposed frame', null],
  ])('refuses %s with an unauthorized envelope and runs nothing', async (_label, frame) => {
    const result = await registerPerson(frame, 'maria.garcia@rivercity.example.org');
    expect(result).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('refused') } });
    expect(await peopleTotal()).toBe(0);
  });

  it('treats a sender check that throws as untrusted', async () => {
    unregister();
    registerIpc(ipc, inProcessDispatch(core), () => {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    });
    expect(await ipc.invoke(callChannel('app.info'), appFrame)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('has no channel for a call outside the contract', async () => {
    await expect(ipc.invoke('hmis:call:people.delete', appFrame, { id: 1 })).rejects.toThrow(/No handler registered/);
  });

  it('removes every handler when unregistered', () => {
    unregister();
    expect(ipc.channels()).toEqual([]);
  });
});
