import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Person } from '../../../shared/domain/person';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** The person page's record and its audit trail. */
interface PersonStore {
  id: number | null;
  person: Person | null;
  history: AuditEntry[];
  error: AppError | null;
  load(id: number): Promise<void>;
  /** After a save: show the saved record at once, then the new audit entry. */
  saved(person: Person): void;
}

let sequence = 0;

export const usePersonStore = create<PersonStore>()((set, get) => ({
  id: null,
  person: null,
  history: [],
  error: null,
  async load(id) {
    const mine = ++sequence;
    if (get().id !== id) set({ id, person: null, history: [], error: null });
    try {
      const [person, history] = await Promise.all([api.people.get({ id }), api.people.history({ id })]);
      if (mine === sequence) set({ person, history, error: null });
    } catch (error) {
      if (mine === sequence) set({ error: AppError.from(error) });
    }
  },
  saved(person) {
    set({ person });
    void get().load(person.id);
  },
}));

onEntitiesChanged(['people', 'agencies', 'accessLevels'], () => {
  const { id } = usePersonStore.getState();
  if (id !== null) void usePersonStore.getState().load(id);
});
