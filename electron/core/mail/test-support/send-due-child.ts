/**
 * A separate sender process for the crash test: opens the core on a data folder and delivers what
 * is due, exactly as `hmis-desk mail send-due` does. The test kills it with SIGKILL mid-batch.
 * Usage: node --import tsx send-due-child.ts <dataDir> <clock ISO>
 */
import { fixedClock } from '../../clock';
import { createCore } from '../../create-core';
import { FAST_SMTP } from './mail-test-kit';

const [dataDir, iso] = process.argv.slice(2);
if (!dataDir || !iso) throw new Error('usage: send-due-child.ts <dataDir> <clock ISO>');
const core = await createCore({ dataDir, clock: fixedClock(iso), operator: 'child.sender', mail: { sender: { smtp: FAST_SMTP } } });
process.stdout.write('ready\n');
const result = await core.mail.sender.sendDue();
process.stdout.write(`${JSON.stringify(result)}\n`);
await core.close();
