import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed, kept once for the whole window: a print view that mounts
 * while printing (the print frame inside a print-only list) must see `true` at once, not wait for
 * an event that has already fired.
 */
let printing = false;
const listeners = new Set<() => void>();

function setPrinting(value: boolean): void {
  printing = value;
  // The browser lays out the printout right after beforeprint returns: render synchronously.
  flushSync(() => listeners.forEach((listener) => listener()));
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => setPrinting(true));
  window.addEventListener('afterprint', () => setPrinting(false));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * True while the page is being printed (Ctrl+P, File > Print, window.print(), printToPDF). Print-only
 * views render then and only then: rendering them all the time would cost every screen render.
 */
export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}
