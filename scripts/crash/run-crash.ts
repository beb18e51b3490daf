/**
 * `npm run test:crash`: the crash suite's full run (50 cycles, or CRASH_CYCLES), printing each
 * cycle and the figures; exit code 1 when any check failed.
 */
import { formatCrashFigures, runCrashCycles } from '../../electron/core/crash/crash-suite';

const cycles = Number(process.env.CRASH_CYCLES ?? 50);
const figures = await runCrashCycles(cycles, (line) => console.error(line));
console.log(formatCrashFigures(figures));
process.exit(figures.failures.length ? 1 : 0);
