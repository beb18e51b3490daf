import { notifications } from '@mantine/notifications';
import { keepPreviousData } from '@tanstack/react-query';
import type { CallName, Output } from '../../../shared/contract';
import { useCall, useCallMutation } from '../../api/use-call';
import { outboxInput, useOutboxStore } from './outbox-store';

/** Counts for the sidebar badge and the Outbox header. */
export function useMailStatus() {
  return useCall('mail.status', {});
}

export function useOutboxPage() {
  const filter = useOutboxStore((s) => s.filter);
  const offset = useOutboxStore((s) => s.offset);
  return useCall('mail.list', outboxInput({ filter, offset }), { placeholderData: keepPreviousData });
}

export function useOpenMessage() {
  const id = useOutboxStore((s) => s.openId);
  return useCall('mail.get', { id: id ?? 0 }, { enabled: id !== null });
}

/** An Outbox action that says what it did in a notification (and why not, through the query client). */
export function useMailAction<K extends Extract<CallName, `mail.${string}`>>(name: K, done: (result: Output<K>) => string) {
  return useCallMutation(name, { errorTitle: 'Not done', onSuccess: (result) => notifications.show({ color: 'teal', message: done(result) }) });
}
