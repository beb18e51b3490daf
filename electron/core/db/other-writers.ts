import { ENTITY_KINDS, type Emit } from '../../../shared/contract/events';

export const DEFAULT_WATCH_INTERVAL_MS = 1_500;

/**
 * Polls the data version while the app (or `npm run serve`) is open and announces `changed` for
 * every kind when another process wrote: it cannot tell what the CLI touched, and a refresh of the
 * visible lists is cheap next to a stale screen. A read costs microseconds, so polling every
 * second and a half is cheaper than any file watcher, and works the same on every platform.
 * Returns the function that stops it.
 */
export function watchOtherWriters(readVersion: () => number, emit: Emit, intervalMs = DEFAULT_WATCH_INTERVAL_MS): () => void {
  let last = readVersion();
  const timer = setInterval(() => {
    let version: number;
    try {
      version = readVersion();
    } catch {
      return; // closing, or the file is briefly locked: the next tick sees it
    }
    if (version === last) return;
    last = version;
    emit('changed', { entities: [...ENTITY_KINDS] });
  }, intervalMs);
  // The poll alone must never keep a process alive.
  timer.unref();
  return () => clearInterval(timer);
}
