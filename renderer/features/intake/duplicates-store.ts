import { create } from 'zustand';
import { AppError } from '../../../shared/app-error';
import type { Output } from '../../../shared/contract';
import { api } from '../../api/client';
import { onEntitiesChanged } from '../app/live-updates';

export type DuplicateGroup = Output<'people.possibleDuplicates'>[number];

interface DuplicatesStore {
  groups: DuplicateGroup[] | null;
  error: AppError | null;
  busy: boolean;
  load(): Promise<void>;
  /** Merges every other person of the group into `survivorId`, one merge per person. */
  keep(group: DuplicateGroup, survivorId: number): Promise<void>;
  /** Marks every pair of the group as different people. */
  different(group: DuplicateGroup): Promise<void>;
}

export const useDuplicatesStore = create<DuplicatesStore>()((set, get) => {
  async function work(task: () => Promise<void>) {
    set({ busy: true, error: null });
    try {
      await task();
    } catch (error) {
      set({ error: AppError.from(error) });
    } finally {
      set({ busy: false });
      await get().load();
    }
  }

  return {
    groups: null,
    error: null,
    busy: false,
    async load() {
      try {
        set({ groups: await api.people.possibleDuplicates(), error: null });
      } catch (error) {
        set({ error: AppError.from(error) });
      }
    },
    keep: (group, survivorId) =>
      work(async () => {
        for (const person of group.people) {
          if (person.id !== survivorId) await api.people.merge({ survivorId, mergedId: person.id });
        }
      }),
    different: (group) =>
      work(async () => {
        const ids = group.people.map((p) => p.id);
        for (let i = 0; i < ids.length; i += 1) {
          for (let j = i + 1; j < ids.length; j += 1) await api.people.notDuplicates({ personIds: [ids[i] as number, ids[j] as number] });
        }
      }),
  };
});

onEntitiesChanged(['people'], () => {
  if (useDuplicatesStore.getState().groups !== null && !useDuplicatesStore.getState().busy) void useDuplicatesStore.getState().load();
});
