import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDailyReminders } from './daily-run';
import type { RemindOutcome } from './remind-service';

const outcome: RemindOutcome = { queued: 0, skippedAlreadySent: 0, byOffset: {}, items: [], held: [] };

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T15:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('the in-app daily reminder run', () => {
  it('tells when it runs next and last ran, runs again four hours after a run ends, and stops', async () => {
    const remind = vi.fn(() => Promise.resolve(outcome));
    const run = startDailyReminders(remind, () => undefined);
    expect(run.state()).toEqual({ lastRunAt: null, nextRunAt: '2026-11-28T15:00:10.000Z' });

    await vi.advanceTimersByTimeAsync(10_000);
    expect(remind).toHaveBeenCalledTimes(1);
    expect(run.state()).toEqual({ lastRunAt: '2026-11-28T15:00:10.000Z', nextRunAt: '2026-11-28T19:00:10.000Z' });

    await vi.advanceTimersByTimeAsync(4 * 60 * 60 * 1000);
    expect(remind).toHaveBeenCalledTimes(2);
    expect(run.state()).toEqual({ lastRunAt: '2026-11-28T19:00:10.000Z', nextRunAt: '2026-11-28T23:00:10.000Z' });

    run.stop();
    expect(run.state().nextRunAt).toBeNull();
    await vi.advanceTimersByTimeAsync(8 * 60 * 60 * 1000);
    expect(remind).toHaveBeenCalledTimes(2);
  });

  it('keeps its schedule after a failed run and reports the failure', async () => {
    const failures: unknown[] = [];
    const remind = vi.fn(() => Promise.reject(new Error('database is locked')));
    const run = startDailyReminders(remind, (e) => failures.push(e));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(failures).toEqual([new Error('database is locked')]);
    expect(run.state().nextRunAt).toBe('2026-11-28T19:00:10.000Z');
    run.stop();
  });
});
