import { describe, expect, it } from 'vitest';
import { formatCrashFigures, runCrashCycles } from './crash-suite';

/**
 * The crash suite's small run inside `npm test` (`npm run test:crash` runs 50 cycles, or
 * CRASH_CYCLES): a child is SIGKILLed at random moments of imports, attaches, reminders and mail.
 */
describe('crash suite (small)', () => {
  it('leaves a sound database, whole imports, every file, no orphans and no lost mail after each kill', async () => {
    const figures = await runCrashCycles(Number(process.env.CRASH_CYCLES_IN_TEST ?? 5));
    console.log(formatCrashFigures(figures));
    expect(figures.failures).toEqual([]);
    expect(figures.cycles).toBeGreaterThanOrEqual(1);
  }, 600_000);
});
