import type { Db } from '../../db/open-database';
import type { FolderWatch } from './watch-folder';
import { readWatchSettings } from './watch-settings';

/** How often the open app looks at the watched folder (each pass also waits 2 s for files to settle). */
export const WATCH_INTERVAL_MS = 5_000;

/**
 * While the app is open it takes the watched folder's files every few seconds. A pass that fails
 * (the network drive is away) is said once in the log, not every pass, and retried.
 */
export function startWatchLoop(db: Db, watch: FolderWatch, intervalMs = WATCH_INTERVAL_MS): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let lastProblem = '';
  const pass = async () => {
    const { folder } = await readWatchSettings(db);
    if (folder) await watch.runOnce(folder);
    lastProblem = '';
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void pass()
        .catch((error: unknown) => {
          const problem = error instanceof Error ? error.message : String(error);
          if (problem !== lastProblem) console.warn('The watched folder could not be read:', problem);
          lastProblem = problem;
        })
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
