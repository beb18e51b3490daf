import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { DocumentRecord, DocumentReviewInput } from '../../../shared/domain/document';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** The document on the review screen, and its bytes for the viewer. */
interface ReviewStore {
  id: number | null;
  document: DocumentRecord | null;
  bytes: Uint8Array | null;
  error: AppError | null;
  saving: boolean;
  load(id: number): Promise<void>;
  decide(input: DocumentReviewInput): Promise<DocumentRecord>;
}

let sequence = 0;

export const useReviewStore = create<ReviewStore>()((set, get) => ({
  id: null,
  document: null,
  bytes: null,
  error: null,
  saving: false,
  async load(id) {
    const mine = ++sequence;
    const same = get().id === id;
    if (!same) set({ id, document: null, bytes: null, error: null });
    try {
      // The bytes never change for a document: fetched once per document, not on every refresh.
      const [document, file] = await Promise.all([api.documents.get({ id }), same && get().bytes ? null : api.documents.file({ id })]);
      if (mine === sequence) set({ document, ...(file ? { bytes: file.bytes } : {}), error: null });
    } catch (error) {
      if (mine === sequence) set({ error: AppError.from(error) });
    }
  },
  async decide(input) {
    set({ saving: true });
    try {
      const document = await api.documents.review(input);
      set({ document });
      return document;
    } finally {
      set({ saving: false });
    }
  },
}));

onEntitiesChanged(['documents'], () => {
  const { id } = useReviewStore.getState();
  if (id !== null) void useReviewStore.getState().load(id);
});
