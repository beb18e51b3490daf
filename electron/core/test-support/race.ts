import { expect } from 'vitest';

export interface RaceOutcome<T> {
  /** The values of the writers that succeeded, in the order they were given. */
  won: T[];
  /** What the others threw. */
  lost: unknown[];
}

/**
 * Starts every writer at once on one core. Each awaits its reads before it writes, so all the
 * reads happen before the first write commits: the same base, as two people saving together.
 */
export async function race<T>(...writers: (() => Promise<T>)[]): Promise<RaceOutcome<T>> {
  const settled = await Promise.allSettled(writers.map((write) => write()));
  return {
    won: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    lost: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])),
  };
}

/** Exactly one writer won; the other was told, in a sentence, to reload and try again. */
export function expectOneWinner<T>(outcome: RaceOutcome<T>, message: RegExp = /Reload/): T {
  expect(outcome.lost).toHaveLength(1);
  expect(outcome.lost[0]).toMatchObject({ code: 'conflict', message: expect.stringMatching(message) });
  expect(outcome.won).toHaveLength(1);
  return outcome.won[0] as T;
}
