import { beforeEach, describe, expect, it } from 'vitest';
import type { CallName } from '../../../shared/contract';
import type { MailSummary } from '../../../shared/domain/mail';
import { createClient, setApi } from '../../api/client';
import { useMailStatusStore } from './mail-status-store';
import { useOutboxStore } from './outbox-store';

const calls: { call: CallName; input: unknown }[] = [];
const mail = (id: number, status: MailSummary['status']): MailSummary => ({
  id, messageId: `<${id}@hmis-access-desk.local>`, personId: null, personName: null, template: 'test_message', to: [{ address: 'a@example.org', name: null }], cc: [],
  subject: 'Test', status, attempts: 0, nextAttemptAt: null, lastError: null, sentAt: null, draftPath: null, createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
});
const counts = { queued: 1, sending: 0, sent: 0, drafted: 0, failed: 2, cancelled: 0 };

beforeEach(() => {
  calls.length = 0;
  setApi(
    createClient({
      async invoke(call, input) {
        calls.push({ call, input });
        if (call === 'mail.list') return { ok: true, value: { total: 1, items: [mail(7, 'failed')] } };
        if (call === 'mail.status') return { ok: true, value: { counts, partlyFailed: 0, paused: false, mode: 'drafts', problem: null, nextAttemptAt: null } };
        if (call === 'mail.retry') return { ok: true, value: { changed: 2 } };
        return { ok: false, error: { code: 'not_found', message: `unexpected ${call}` } };
      },
      on: () => () => {},
    }),
  );
  useOutboxStore.setState({ filter: null, offset: 0, items: [], total: null, error: null, selected: null });
});

describe('outbox store', () => {
  it('loads the filtered page and the counts the sidebar badge shows', async () => {
    useOutboxStore.getState().setFilter('failed');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls[0]).toEqual({ call: 'mail.list', input: { status: 'failed', offset: 0, limit: 50 } });
    expect(useOutboxStore.getState()).toMatchObject({ total: 1, items: [{ id: 7 }] });
    expect(useMailStatusStore.getState().status?.counts.failed).toBe(2);
  });

  it('retries all failed messages with one call', async () => {
    expect(await useOutboxStore.getState().retry('allFailed')).toBe(2);
    expect(calls).toEqual([{ call: 'mail.retry', input: { allFailed: true } }]);
  });
});
