import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { DocumentRecord } from '../../../shared/domain/document';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** The documents of the person whose page is open, newest first (history included). */
interface PersonDocumentsStore {
  personId: number | null;
  documents: DocumentRecord[] | null;
  error: AppError | null;
  load(personId: number): Promise<void>;
}

let sequence = 0;

export const usePersonDocumentsStore = create<PersonDocumentsStore>()((set, get) => ({
  personId: null,
  documents: null,
  error: null,
  async load(personId) {
    const mine = ++sequence;
    if (get().personId !== personId) set({ personId, documents: null, error: null });
    try {
      const documents = await api.documents.list({ personId });
      if (mine === sequence) set({ documents, error: null });
    } catch (error) {
      if (mine === sequence) set({ error: AppError.from(error) });
    }
  },
}));

onEntitiesChanged(['documents'], () => {
  const { personId } = usePersonDocumentsStore.getState();
  if (personId !== null) void usePersonDocumentsStore.getState().load(personId);
});
