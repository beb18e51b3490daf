/**
 * A separate reminder run for the crash and overlap tests: opens the core on a data folder and
 * runs `recert.remind`, exactly as `hmis-desk recert remind` does.
 * Usage: node --import tsx remind-child.ts <dataDir> <clock ISO>
 */
import { fixedClock } from '../../clock';
import { createCore } from '../../create-core';

const [dataDir, iso] = process.argv.slice(2);
if (!dataDir || !iso) throw new Error('usage: remind-child.ts <dataDir> <clock ISO>');
const core = await createCore({ dataDir, clock: fixedClock(iso), operator: 'child.reminders' });
process.stdout.write('ready\n');
const result = await core.handlers['recert.remind']({ dryRun: false });
process.stdout.write(`${JSON.stringify({ queued: result.queued, skippedAlreadySent: result.skippedAlreadySent })}\n`);
await core.close();
