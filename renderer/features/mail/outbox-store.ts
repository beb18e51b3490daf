import { create } from 'zustand';
import type { Input } from '../../../shared/contract';
import type { MailStatus } from '../../../shared/domain/mail';

export const OUTBOX_PAGE_SIZE = 50;

/** Which messages the Outbox shows and which one is open in the viewer; the messages are queries. */
interface OutboxStore {
  filter: MailStatus | null;
  offset: number;
  /** The message open in the viewer (on the Outbox or a person's page). */
  openId: number | null;
  setFilter(status: MailStatus | null): void;
  setOffset(offset: number): void;
  open(id: number): void;
  close(): void;
}

export const useOutboxStore = create<OutboxStore>()((set) => ({
  filter: null,
  offset: 0,
  openId: null,
  setFilter: (filter) => set({ filter, offset: 0 }),
  setOffset: (offset) => set({ offset }),
  open: (openId) => set({ openId }),
  close: () => set({ openId: null }),
}));

export function outboxInput({ filter, offset }: Pick<OutboxStore, 'filter' | 'offset'>): Input<'mail.list'> {
  return { status: filter ?? undefined, offset, limit: OUTBOX_PAGE_SIZE };
}
