import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import type { Credential, TrainingSend } from '../../../shared/domain/quiz-training';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

/** The person page's training record: emails sent, attempts, credentials. */
interface PersonTrainingStore {
  personId: number | null;
  sends: TrainingSend[];
  attempts: Attempt[];
  credentials: Credential[];
  error: AppError | null;
  load(personId: number): Promise<void>;
}

let sequence = 0;

export const usePersonTrainingStore = create<PersonTrainingStore>()((set, get) => ({
  personId: null,
  sends: [],
  attempts: [],
  credentials: [],
  error: null,
  async load(personId) {
    const mine = ++sequence;
    if (get().personId !== personId) set({ personId, sends: [], attempts: [], credentials: [], error: null });
    try {
      const [sends, attempts, credentials] = await Promise.all([api.training.history({ personId }), api.quizzes.attempts({ personId, limit: 200 }), api.credentials.list({ personId })]);
      if (mine === sequence) set({ sends, attempts: attempts.items, credentials, error: null });
    } catch (error) {
      if (mine === sequence) set({ error: AppError.from(error) });
    }
  },
}));

onEntitiesChanged(['people', 'training', 'quizzes'], () => {
  const { personId } = usePersonTrainingStore.getState();
  if (personId !== null) void usePersonTrainingStore.getState().load(personId);
});
