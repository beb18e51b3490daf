import type { RemindOutcome } from './remind-service';

const EVERY_MS = 4 * 60 * 60 * 1000;
const FIRST_AFTER_MS = 10_000;

export interface DailyRunState {
  lastRunAt: string | null;
  nextRunAt: string | null;
}

export interface DailyRun {
  stop: () => void;
  /** For "What goes out today": when this process last ran the reminders and runs them next. */
  state: () => DailyRunState;
}

/**
 * The daily reminder run while the app is open: soon after the core starts, then every few hours
 * (a run finds nothing new until the date moves, so repeating it is cheap and harmless; the
 * UNIQUE key keeps each reminder to once, also against a Task Scheduler run of the CLI). A failed
 * run is retried at the next tick; the outbox shows what went. Each next run is timed from the end
 * of the last, so the time it tells is the time it keeps.
 */
export function startDailyReminders(remind: () => Promise<RemindOutcome>, onError: (error: unknown) => void, now: () => Date = () => new Date()): DailyRun {
  let lastRunAt: string | null = null;
  let nextRunAt: string | null = new Date(now().getTime() + FIRST_AFTER_MS).toISOString();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    nextRunAt = new Date(now().getTime() + ms).toISOString();
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  function tick() {
    nextRunAt = null;
    lastRunAt = now().toISOString();
    remind()
      .catch(onError)
      .finally(() => {
        if (!stopped) schedule(EVERY_MS);
      });
  }
  timer = setTimeout(tick, FIRST_AFTER_MS);
  timer.unref?.();
  return {
    stop: () => {
      stopped = true;
      nextRunAt = null;
      if (timer) clearTimeout(timer);
    },
    state: () => ({ lastRunAt, nextRunAt }),
  };
}
