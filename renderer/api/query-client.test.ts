import { notificationsStore } from '@mantine/notifications';
import { QueryObserver } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { CALL_NAMES, ENTITY_KINDS } from '../../shared/contract';
import { call } from './call';
import { entitiesRead, readsAny } from './call-reads';
import { createQueryClient, invalidateChanged } from './query-client';
import { pendingCalls, settle, type PendingCall } from './test-support';
import { callKey, callQuery } from './use-call';

let pending: PendingCall[];
beforeEach(() => {
  pending = pendingCalls();
  notificationsStore.setState({ ...notificationsStore.getState(), notifications: [], queue: [] });
});

describe('what a changed event refreshes', () => {
  it('refreshes the queries on screen that read a changed kind, and only those', async () => {
    const client = createQueryClient();
    const person = new QueryObserver(client, callQuery('people.get', { id: 1 }));
    const outbox = new QueryObserver(client, callQuery('mail.list', {}));
    const offs = [person.subscribe(() => {}), outbox.subscribe(() => {})];
    pending.forEach((p) => p.answer(p.call === 'people.get' ? { id: 1 } : { total: 0, items: [] }));
    await settle();
    expect(pending.map((p) => p.call)).toEqual(['people.get', 'mail.list']);

    await Promise.all([invalidateChanged(client, ['mail']), settle().then(() => pending[2]?.answer({ total: 1, items: [] }))]);
    expect(pending.map((p) => p.call)).toEqual(['people.get', 'mail.list', 'mail.list']);
    expect(outbox.getCurrentResult().data?.total).toBe(1);
    offs.forEach((off) => off());
  });

  it("gives every call a domain that says what it reads, and every kind a reader", () => {
    for (const kind of ENTITY_KINDS) expect(CALL_NAMES.some((name) => readsAny(name, [kind])), kind).toBe(true);
    expect(entitiesRead('people.list')).toContain('people');
    // A stored PDF never changes: refetching megabytes on every document event would be waste.
    expect(entitiesRead('documents.file')).toEqual([]);
    // "What goes out today" reruns when a run or a person changes, not on every message sent.
    expect(readsAny('recert.remind', ['mail'])).toBe(false);
    expect(readsAny('recert.remind', ['people'])).toBe(true);
  });
});

describe('queries and writes', () => {
  it('keys a query by call name and input, with file bytes as a token for that very array', () => {
    const bytes = new Uint8Array(10);
    const key = callKey('intake.preview', { fileName: 'a.csv', bytes });
    expect(key).toEqual(['intake.preview', { fileName: 'a.csv', bytes: expect.objectContaining({}) as unknown }]);
    expect(callKey('intake.preview', { fileName: 'a.csv', bytes })).toEqual(key);
    expect(callKey('intake.preview', { fileName: 'a.csv', bytes: new Uint8Array(10) })).not.toEqual(key);
    expect(JSON.stringify(key).length).toBeLessThan(80);
  });

  it('gives a failed query the core’s sentence', async () => {
    const client = createQueryClient();
    const fetching = client.fetchQuery(callQuery('people.get', { id: 9 }));
    await settle();
    pending[0]?.refuse('not_found', 'No person has number 9.');
    await expect(fetching).rejects.toEqual(new AppError('not_found', 'No person has number 9.'));
  });

  it('tells a failed write in a notification unless its form shows it, and gives a caller the value', async () => {
    const client = createQueryClient();
    const run = (errorShownInPlace: boolean) =>
      client.getMutationCache().build(client, { mutationFn: (input: { id: number }) => call('people.get', input), meta: { errorShownInPlace, errorTitle: 'Not saved' } }).execute({ id: 1 });
    const shown = run(false);
    await settle();
    pending[0]?.refuse('conflict', 'Someone else saved this record first.');
    await expect(shown).rejects.toThrow('Someone else saved this record first.');
    const inPlace = run(true);
    await settle();
    pending[1]?.refuse('invalid', 'The email is not valid.');
    await expect(inPlace).rejects.toThrow('The email is not valid.');
    expect(notificationsStore.getState().notifications.map((n) => [n.title, n.message])).toEqual([['Not saved', 'Someone else saved this record first.']]);

    const saved = run(false);
    await settle();
    pending[2]?.answer({ id: 1, lastName: 'Okafor' });
    await expect(saved).resolves.toEqual({ id: 1, lastName: 'Okafor' });
  });
});
