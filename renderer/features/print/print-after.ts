import { notifyFailure } from '../../api/query-client';

/**
 * Loads what the printout needs (every row, not only the page on screen), then opens the print
 * dialog. If loading fails the reason is shown and nothing prints half-empty.
 */
export async function printAfter(prepare?: () => Promise<unknown>): Promise<void> {
  try {
    await prepare?.();
  } catch (error) {
    notifyFailure(error, 'Not printed');
    return;
  }
  window.print();
}
