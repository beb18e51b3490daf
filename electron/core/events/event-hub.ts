import type { Emit, EventName, EventPayload } from '../../../shared/contract/events';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Fans the core's events out to every open window or browser tab (IPC webContents, SSE clients).
 * A listener that throws is dropped from that delivery only; it never breaks the core's write.
 */
export function createEventHub() {
  const listeners = new Set<EventListener>();
  const emit: Emit = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        console.error(`An event listener failed on "${event}"`, error);
      }
    }
  };
  return {
    emit,
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
