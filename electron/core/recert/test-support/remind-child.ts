/**
 * A separate reminder run for the crash and overlap tests: opens the core on a data folder and
 * runs `recert.remind`, exactly as `hmis-desk recert remind` does.
 * Usage: node --import tsx remind-child.ts <dataDir> <clock ISO> [kill-in-chunk N SIZE]
 * With `kill-in-chunk N SIZE` (transactions of SIZE people) the run kills itself (SIGKILL, no cleanup) in its Nth transaction, after
 * that chunk's messages are in the outbox and before its reminders are linked and committed: the
 * moment between queueing and recording.
 */
import path from 'node:path';
import { fixedClock } from '../../clock';
import { createCore } from '../../create-core';
import { openDatabase } from '../../db/open-database';
import { createRemindService } from '../remind-service';

const [dataDir, iso, mode, n, size] = process.argv.slice(2);
if (!dataDir || !iso) throw new Error('usage: remind-child.ts <dataDir> <clock ISO> [kill-in-chunk N]');
if (mode === 'kill-in-chunk') {
  const { db } = openDatabase(path.join(dataDir, 'hmis.sqlite'), iso);
  let chunks = 0;
  const afterQueued = () => {
    chunks += 1;
    if (chunks === Number(n)) process.kill(process.pid, 'SIGKILL');
  };
  const ctx = { db, clock: fixedClock(iso), dataDir, operator: 'child.reminders', emit: () => {} };
  process.stdout.write('ready\n');
  await createRemindService(ctx, { afterQueued, chunk: Number(size) }).remind({ dryRun: false });
  process.stdout.write('not killed\n');
} else {
  const core = await createCore({ dataDir, clock: fixedClock(iso), operator: 'child.reminders' });
  process.stdout.write('ready\n');
  const result = await core.handlers['recert.remind']({ dryRun: false });
  process.stdout.write(`${JSON.stringify({ queued: result.queued, skippedAlreadySent: result.skippedAlreadySent })}\n`);
  await core.close();
}
