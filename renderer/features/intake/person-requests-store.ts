import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Input } from '../../../shared/contract';
import type { PersonRequest, RequestStatus } from '../../../shared/domain/request';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** The requests on the person page's record. */
interface PersonRequestsStore {
  personId: number | null;
  items: PersonRequest[];
  error: AppError | null;
  load(personId: number): Promise<void>;
  create(input: Input<'requests.create'>): Promise<boolean>;
  setStatus(id: number, status: RequestStatus): Promise<void>;
}

let sequence = 0;

export const usePersonRequestsStore = create<PersonRequestsStore>()((set, get) => ({
  personId: null,
  items: [],
  error: null,
  async load(personId) {
    const mine = ++sequence;
    if (get().personId !== personId) set({ personId, items: [], error: null });
    try {
      const page = await api.requests.list({ personId, limit: 100 });
      if (mine === sequence) set({ items: page.items, error: null });
    } catch (error) {
      if (mine === sequence) set({ error: AppError.from(error) });
    }
  },
  async create(input) {
    try {
      await api.requests.create(input);
      await get().load(input.personId);
      return true;
    } catch (error) {
      set({ error: AppError.from(error) });
      return false;
    }
  },
  async setStatus(id, status) {
    try {
      await api.requests.update({ id, status });
      const { personId } = get();
      if (personId !== null) await get().load(personId);
    } catch (error) {
      set({ error: AppError.from(error) });
    }
  },
}));

onEntitiesChanged(['people'], () => {
  const { personId } = usePersonRequestsStore.getState();
  if (personId !== null) void usePersonRequestsStore.getState().load(personId);
});
