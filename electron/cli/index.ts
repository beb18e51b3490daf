import { runCli } from './run-cli';

/** `npm run cli -- <command>`: hmis-desk, the core from a terminal (scripts, Task Scheduler). */
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
