#!/usr/bin/env node
// Electronegativity (Doyensec) over the Electron shell, the preload and the renderer, offline.
// Every finding must be fixed or listed, with its reason, in scripts/electronegativity-accepted.json;
// an accepted entry that no longer matches anything is an error too, so the list never goes stale.
// Usage: node scripts/electronegativity.mjs [--json]   (exit 1 on any unexplained finding)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const TOOL = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const ACCEPTED_FILE = path.join(ROOT, 'scripts/electronegativity-accepted.json');

/** What ships in the app's renderer and main processes; tests and their fake Electron are not scanned. */
const SCANNED = ['electron/main', 'electron/preload', 'renderer', 'shared/web', 'shared/contract/bridge.ts'];
const isShipped = (file) => !/\.test\.tsx?$|[\\/]test-support[\\/]|[\\/]e2e[\\/]/.test(file);

/**
 * Checks that need the network (they download Electron's release list); the Electron version is
 * pinned in package.json and raised on purpose, so they add nothing offline.
 */
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

/** The tool fetches translations from S3 before every run; the English strings ship with it. */
function useBundledStrings() {
  const i18nModule = path.join(TOOL, 'dist/locales/i18n.js');
  const i18n = require('i18n');
  const configure = async () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: path.dirname(i18nModule), updateFiles: false, objectNotation: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: configure };
}

/** A copy of just the scanned parts: the tool walks every file under its input, node_modules included. */
function stage(root, parts) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hmis-electronegativity-'));
  for (const part of parts) cpSync(path.join(root, part), path.join(dir, part), { recursive: true, filter: (src) => isShipped(src) && !src.includes('node_modules') });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: pkg.name, devDependencies: { electron: pkg.devDependencies.electron } }));
  return dir;
}

function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** Runs every offline check over `parts` of `root` (the app by default); findings carry paths relative to `root`. */
export async function scan({ root = ROOT, parts = SCANNED } = {}) {
  useBundledStrings();
  const run = require(path.join(TOOL, 'dist/runner.js'));
  const input = stage(root, parts);
  try {
    const result = await run({ input, isRelative: true, customScan: [], excludeFromScan: OFFLINE_EXCLUDED, electronVersionOverride: electronVersion(), parserPlugins: [] }, false);
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file.split(path.sep).join('/'),
      line: issue.location.line,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: Boolean(issue.manualReview),
      description: issue.description,
    }));
    return { checks: result.globalChecks + result.atomicChecks, errors: result.errors, findings };
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

/** Sorts findings against the accepted list: `accepted` have a reason, `unexplained` need a fix or one. */
export function judge(findings, accepted) {
  const matches = (entry, f) => entry.id === f.id && entry.file === f.file;
  const unexplained = findings.filter((f) => !accepted.some((entry) => matches(entry, f)));
  const explained = findings.filter((f) => accepted.some((entry) => matches(entry, f)));
  const stale = accepted.filter((entry) => !findings.some((f) => matches(entry, f)));
  return { explained, unexplained, stale };
}

export function readAccepted() {
  return JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8')).accepted;
}

async function main() {
  const { checks, errors, findings } = await scan();
  const verdict = judge(findings, readAccepted());
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ checks, errors, findings, ...verdict }, null, 2));
  } else {
    console.log(`Electronegativity: ${checks} checks, ${findings.length} finding(s): ${verdict.explained.length} accepted with a reason, ${verdict.unexplained.length} unexplained; ${errors.length} file(s) not parsed.`);
    for (const f of verdict.unexplained) console.log(`  UNEXPLAINED ${f.id} ${f.file}:${f.line} (${f.severity}/${f.confidence}) ${f.description}`);
    for (const e of verdict.stale) console.log(`  STALE accepted entry: ${e.id} ${e.file} matches nothing now; remove it.`);
    for (const e of errors) console.log(`  NOT PARSED ${e.file}: ${e.message}`);
  }
  if (verdict.unexplained.length || verdict.stale.length || errors.some((e) => !e.tolerable)) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
