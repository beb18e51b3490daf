import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../core/data-dir';
import { createEventHub } from '../core/events/event-hub';
import { startCoreWorker } from '../core/worker/start-core-worker';
import { startHost } from './start-host';

/**
 * `npm run serve`: the app in a browser on this machine. Prints `HMIS_READY <url>` on a line of its
 * own once it accepts requests, so scripts and e2e tests wait for that instead of sleeping.
 */
const USAGE = `Usage: npm run serve -- [--data-dir FOLDER] [--port NUMBER]

  --data-dir FOLDER  Use the data in FOLDER (default: HMIS_DATA_DIR, else the app's usual folder).
  --port NUMBER      Listen on this port (default: HMIS_PORT, else any free port).`;

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`"${text}" is not a port number (0 to 65535).`);
  return port;
}

function readOptions() {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  return { help: values.help === true, dataDir: resolveDataDir(values['data-dir']), port: parsePort(values.port ?? process.env.HMIS_PORT) };
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const hub = createEventHub();
  // The core runs in a worker thread, so the HTTP loop never waits on SQLite. The browser app
  // sends mail like the desktop app does; tests start hosts without a sender.
  const core = startCoreWorker({ dataDir: options.dataDir, emit: hub.emit, mail: { autoStart: true }, transferInputs: true });
  let dataDir: string;
  try {
    ({ dataDir } = await core.ready);
  } catch (error) {
    await core.close();
    throw error;
  }
  const staticDir = fileURLToPath(new URL('../../out/web', import.meta.url));
  const host = await startHost({ dispatch: core.dispatch, hub, staticDir, port: options.port });
  console.log(`HMIS Access Desk is running at ${host.url}`);
  console.log(`Data folder: ${dataDir}`);
  console.log('Open the link above in Chrome or Edge. Press Ctrl+C here to stop.');
  console.log(`HMIS_READY ${host.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping (${signal})…`);
    await host.close();
    await core.close();
  };
  const stopOrReport = (signal: string) =>
    stop(signal).catch((error: unknown) => {
      console.error('HMIS Access Desk did not stop cleanly:', error);
      process.exitCode = 1;
    });
  process.on('SIGINT', () => void stopOrReport('SIGINT'));
  process.on('SIGTERM', () => void stopOrReport('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`HMIS Access Desk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
