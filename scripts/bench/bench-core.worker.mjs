// The core worker as the app runs it, plus one message the benchmark needs and the contract has
// no call for: `GROUP BY agency, stage` over the whole list, run on the core's own thread.
import { register } from 'tsx/esm/api';

register();
await import('../../electron/core/worker/core-worker-main.ts');
await import('./group-by-probe.ts');
