import { create } from 'zustand';
import type { EventPayload } from '../../../shared/contract';

type Progress = EventPayload<'progress'>;

/** The latest `progress` of each long job, for the progress bars that show it. */
interface ProgressStore {
  jobs: Partial<Record<string, Progress>>;
  report(progress: Progress): void;
  clear(job: string): void;
}

export const useProgressStore = create<ProgressStore>()((set) => ({
  jobs: {},
  report: (progress) => set((s) => ({ jobs: { ...s.jobs, [progress.job]: progress } })),
  clear: (job) =>
    set((s) => {
      const jobs = { ...s.jobs };
      delete jobs[job];
      return { jobs };
    }),
}));
