import { create } from 'zustand';
import type { Input } from '../../../shared/contract';
import type { PendingSection } from '../../../shared/domain/document-queue';

export const PENDING_PAGE_SIZE = 50;

/** What the Pending documents queue shows and who is ticked; the rows are a query. */
interface PendingStore {
  section: PendingSection;
  agencyId: number | null;
  /** `desc`: who has waited longest first. */
  direction: 'asc' | 'desc';
  offset: number;
  selected: ReadonlySet<number>;
  set(changes: Partial<Pick<PendingStore, 'section' | 'agencyId' | 'direction' | 'offset'>>): void;
  toggle(personId: number): void;
  select(personIds: readonly number[]): void;
}

export const usePendingStore = create<PendingStore>()((set, get) => ({
  section: 'missing',
  agencyId: null,
  direction: 'desc',
  offset: 0,
  selected: new Set(),
  set(changes) {
    // A new section or filter starts at the top, with nothing selected.
    const reset = 'offset' in changes ? {} : { offset: 0 };
    set({ ...changes, ...reset, selected: new Set() });
  },
  toggle(personId) {
    const selected = new Set(get().selected);
    if (!selected.delete(personId)) selected.add(personId);
    set({ selected });
  },
  select: (personIds) => set({ selected: new Set(personIds) }),
}));

export function pendingInput(state: Pick<PendingStore, 'section' | 'agencyId' | 'direction' | 'offset'>): Input<'documents.pending'> {
  const { section, agencyId, direction, offset } = state;
  return { section, direction, offset, limit: PENDING_PAGE_SIZE, ...(agencyId ? { agencyId } : {}) };
}

/** What staff read after "Send reminder". */
export function remindedSentence(result: { queued: number; skipped: readonly { reason: string }[] }): string {
  const skipped = result.skipped.length ? ` ${result.skipped.length} skipped: ${result.skipped[0]?.reason}` : '';
  return `${result.queued} ${result.queued === 1 ? 'reminder' : 'reminders'} put in the Outbox.${skipped}`;
}
