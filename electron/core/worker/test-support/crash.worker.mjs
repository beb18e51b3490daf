// A core worker that opens, takes one call, and dies mid-call: for start-core-worker.test.ts.
import process from 'node:process';
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ type: 'ready', dataDir: '/nowhere' });
parentPort.on('message', (message) => {
  if (message.type === 'call') process.exit(3);
});
