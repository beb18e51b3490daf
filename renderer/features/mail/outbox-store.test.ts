import { QueryObserver } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient, invalidateChanged } from '../../api/query-client';
import { pendingCalls, settle, type PendingCall } from '../../api/test-support';
import { callQuery } from '../../api/use-call';
import { outboxInput, useOutboxStore } from './outbox-store';

let pending: PendingCall[];
beforeEach(() => {
  pending = pendingCalls();
  useOutboxStore.setState({ filter: null, offset: 0, openId: null });
});

describe('outbox store', () => {
  it('asks for the filtered page, from the top when the filter changes', () => {
    useOutboxStore.getState().setOffset(100);
    useOutboxStore.getState().setFilter('failed');
    expect(outboxInput(useOutboxStore.getState())).toEqual({ status: 'failed', offset: 0, limit: 50 });
  });

  it('refreshes the page and the sidebar counts when mail changes, not when a person does', async () => {
    const client = createQueryClient();
    const observers = [new QueryObserver(client, callQuery('mail.list', outboxInput(useOutboxStore.getState()))), new QueryObserver(client, callQuery('mail.status', {}))];
    const offs = observers.map((o) => o.subscribe(() => {}));
    await settle();
    pending.forEach((p) => p.answer({}));
    await settle();
    await invalidateChanged(client, ['people']);
    void invalidateChanged(client, ['mail']);
    await settle();
    expect(pending.map((p) => p.call)).toEqual(['mail.list', 'mail.status', 'mail.list', 'mail.status']);
    offs.forEach((off) => off());
  });
});
