import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/app-error';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { createCore } from '../create-core';
import { createEventHub } from '../events/event-hub';
import { startCoreWorker, type CoreWorker, type CoreWorkerOptions } from './start-core-worker';

let dirs: string[] = [];
let workers: CoreWorker[] = [];

afterEach(async () => {
  await Promise.all(workers.map((w) => w.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
  workers = [];
});

function start(options: Partial<CoreWorkerOptions> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-worker-'));
  dirs.push(dataDir);
  const hub = createEventHub();
  const seen: { name: EventName; payload: EventPayload<EventName> }[] = [];
  hub.subscribe((name, payload) => seen.push({ name, payload }));
  const worker = startCoreWorker({ dataDir, operator: 'worker.test', emit: hub.emit, fixedNow: '2026-11-28T15:00:00.000Z', ...options });
  workers.push(worker);
  return { worker, hub, seen, dataDir };
}

/** Resolves on the first event that matches: tests wait on the event, never on a clock. */
function nextEvent(hub: ReturnType<typeof createEventHub>, match: (name: EventName, payload: EventPayload<EventName>) => boolean) {
  return new Promise<EventPayload<EventName>>((resolve) => {
    const stop = hub.subscribe((name, payload) => {
      if (!match(name, payload)) return;
      stop();
      resolve(payload);
    });
  });
}

function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function registerOne(worker: CoreWorker, email = 'maria.garcia@rco.example.org') {
  const agency = value<{ id: number }>(await worker.dispatch('agencies.create', { name: 'River City Outreach' }));
  const [level] = value<{ id: number }[]>(await worker.dispatch('accessLevels.list', {}));
  return value<{ id: number; email: string }>(await worker.dispatch('people.create', { firstName: 'Maria', lastName: 'García', email, agencyId: agency.id, accessLevelId: level!.id }));
}

describe('the core in a worker thread', () => {
  it('answers real calls on a real SQLite file, and what it wrote is there after close', async () => {
    const { worker, dataDir } = start();
    expect((await worker.ready).dataDir).toBe(dataDir);
    const person = await registerOne(worker);
    expect(value<{ email: string }>(await worker.dispatch('people.get', { id: person.id })).email).toBe('maria.garcia@rco.example.org');
    // The same validation and envelope as every transport.
    expect(await worker.dispatch('people.get', { id: 'seven' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await worker.dispatch('people.drop', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Closing lets a call already sent finish, then refuses new ones with a sentence.
    const last = worker.dispatch('agencies.create', { name: 'Sent before closing' });
    await worker.close();
    expect(await last).toMatchObject({ ok: true });
    expect(await worker.dispatch('app.info', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('closing') } });
    const sqlite = new BetterSqlite3(path.join(dataDir, 'hmis.sqlite'), { readonly: true });
    expect(sqlite.prepare('SELECT email FROM people').all()).toEqual([{ email: 'maria.garcia@rco.example.org' }]);
    sqlite.close();
  });

  it('carries bytes both ways by structured clone', async () => {
    const { worker } = start({ transferInputs: true });
    await worker.ready;
    const bytes = new TextEncoder().encode('First name,Last name\nAna,Lo\n');
    const preview = value<{ rows: unknown[] }>(await worker.dispatch('intake.preview', { fileName: 'new-users.csv', bytes }));
    expect(preview.rows).toHaveLength(1);
    // Moved, not copied: the owner's copy is gone.
    expect(bytes.byteLength).toBe(0);
    value(await worker.dispatch('mail.test', { to: 'hmis.lead@county.example.org' }));
    const [mail] = value<{ items: { id: number }[] }>(await worker.dispatch('mail.list', { status: 'drafted' })).items;
    const draft = value<{ bytes: Uint8Array }>(await worker.dispatch('mail.draft', { id: mail!.id }));
    expect(draft.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(draft.bytes)).toContain('X-Unsent: 1');
  });

  it("sends the core's events to the owner's hub", async () => {
    const { worker, hub } = start();
    await worker.ready;
    const changed = nextEvent(hub, (name, payload) => name === 'changed' && (payload as EventPayload<'changed'>).entities.includes('people'));
    await registerOne(worker);
    await expect(changed).resolves.toMatchObject({ entities: expect.arrayContaining(['people']) });
  });

  it('reports why it could not open the data', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hmis-worker-'));
    dirs.push(dir);
    const blocked = path.join(dir, 'not-a-folder');
    (await import('node:fs')).writeFileSync(blocked, 'a file where the data folder should be');
    const { worker } = start({ dataDir: blocked });
    await expect(worker.ready).rejects.toThrow(/EEXIST|ENOTDIR|not a directory|exists/i);
    expect(await worker.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('could not open its data') } });
  });

  it('gives every waiting caller a sentence when the worker dies', async () => {
    const { worker } = start({ workerUrl: new URL('./test-support/crash.worker.mjs', import.meta.url) });
    await worker.ready;
    const [first, second] = await Promise.all([worker.dispatch('people.get', { id: 1 }), worker.dispatch('app.info', {})]);
    for (const envelope of [first, second]) expect(envelope).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/stopped unexpectedly.*open it again/) } });
    expect(await worker.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('lets a people.get through while a demo seed is still running', async () => {
    const { worker, hub } = start();
    await worker.ready;
    const person = await registerOne(worker);
    const order: string[] = [];
    const isSeed = (name: EventName, payload: EventPayload<EventName>): payload is EventPayload<'progress'> => name === 'progress' && (payload as EventPayload<'progress'>).job === 'demo.seed';
    const started = nextEvent(hub, isSeed);
    // Its last people chunk, not the reply: the reply also waits for the sample PDFs, read after the commit.
    hub.subscribe((name, payload) => void (isSeed(name, payload) && payload.done === payload.total && !order.includes('seed') && order.push('seed')));
    const seed = worker.dispatch('demo.seed', { people: 3000 }).then(value);
    // Asked once the seed is surely under way (its first chunk is committed), long before its end.
    await started;
    const get = worker.dispatch('people.get', { id: person.id }).then((e) => (value(e), order.push('get')));
    await Promise.all([seed, get]);
    expect(order).toEqual(['get', 'seed']);
    // The sample office's stories (forms, training, credentials for a third of the first 1,200) make
    // this seed take longer than the default on a loaded machine; the order is what is checked.
  }, 120_000);

  it('asks the owner for what only Electron can do', async () => {
    const opened: string[] = [];
    const { worker } = start({
      secretStoreKind: 'safe-storage',
      capabilities: {
        'secret.available': () => ({ ok: true }),
        'secret.encrypt': (plain) => `sealed(${plain})`,
        'secret.decrypt': (cipher) => cipher.replace(/^sealed\((.*)\)$/, '$1'),
        'shell.openPath': (file) => (opened.push(file), ''),
      },
    });
    await worker.ready;
    const saved = value<{ passwordSet: boolean; secretBackend: string; passwordProblem: string | null }>(
      await worker.dispatch('mail.settings.save', { host: 'smtp.county.example.org', fromAddress: 'hmis@county.example.org', password: 'hunter2' }),
    );
    expect(saved).toMatchObject({ passwordSet: true, secretBackend: 'safe-storage', passwordProblem: null });
    value(await worker.dispatch('mail.settings.save', { host: null }));
    value(await worker.dispatch('mail.test', { to: 'hmis.lead@county.example.org' }));
    const [mail] = value<{ items: { id: number }[] }>(await worker.dispatch('mail.list', { status: 'drafted' })).items;
    expect(await worker.dispatch('mail.openDraft', { id: mail!.id })).toEqual({ ok: true, value: {} });
    expect(opened).toEqual([expect.stringMatching(/\.eml$/)]);
  });
});

describe('other writers', () => {
  it('announces changed when another connection writes the same database', async () => {
    const { worker, hub, dataDir } = start({ watchIntervalMs: 50 });
    await worker.ready;
    const changed = nextEvent(hub, (name) => name === 'changed');
    // Another process, as the CLI would be: its own core on the same folder.
    const cli = await createCore({ dataDir, operator: 'cli' });
    await cli.handlers['agencies.create']({ name: 'Written by the CLI' });
    await cli.close();
    await expect(changed).resolves.toMatchObject({ entities: expect.arrayContaining(['people', 'agencies', 'mail', 'documents']) });
  });
});
