import type { RemindOutcome } from './remind-service';

const EVERY_MS = 4 * 60 * 60 * 1000;
const FIRST_AFTER_MS = 10_000;

/**
 * The daily reminder run while the app is open: soon after the core starts, then every few hours
 * (a run finds nothing new until the date moves, so repeating it is cheap and harmless; the
 * UNIQUE key keeps each reminder to once, also against a Task Scheduler run of the CLI). A failed
 * run is retried at the next tick; the outbox shows what went.
 */
export function startDailyReminders(remind: () => Promise<RemindOutcome>, onError: (error: unknown) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    remind()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, FIRST_AFTER_MS);
  const every = setInterval(tick, EVERY_MS);
  first.unref?.();
  every.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
