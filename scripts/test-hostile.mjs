#!/usr/bin/env node
// `npm run test:hostile`: the hostile-input suite at full strength (every heavy file, 40 payloads
// per contract call); `npm test` runs the same files small. Extra arguments go to Vitest.
// HMIS_HOSTILE_RUNS and HMIS_HOSTILE_SEED override the defaults.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const env = { ...process.env, HMIS_HOSTILE_FULL: '1', HMIS_HOSTILE_RUNS: process.env.HMIS_HOSTILE_RUNS ?? '40' };
const result = spawnSync(process.execPath, [vitest, 'run', 'electron/host/hostile', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exitCode = result.status ?? 1;
