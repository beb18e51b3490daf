#!/usr/bin/env node
// Gives `npm start` a better-sqlite3 built for Electron's ABI without touching the Node build in
// node_modules that `npm test` uses, so the two work in either order with no manual rebuild.
// The Electron build goes to its own folder (see cachePath) and the main process loads it through
// better-sqlite3's `nativeBinding` option (electron/main/launch-config.ts reads the same path).
// Packaged apps never use this: electron-builder rebuilds the module for Electron itself.
//
// Order of attempts: a prebuilt binary (better-sqlite3's own prebuild-install, run in a temporary
// copy of the package), then a source build with node-gyp against Electron's headers. Both need the
// network once. When neither works it explains why and still exits 0, so `electron-vite dev` starts
// and the app reports the missing database driver instead of the terminal swallowing it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TAG = '[electron-native]';
const HEADERS_URL = 'https://electronjs.org/headers';
const PACKAGE_FILES = ['package.json', 'binding.gyp', 'src', 'deps'];

/** Keep in step with nativeBindingCachePath in electron/main/launch-config.ts (a test checks it). */
export function cachePath(root, versions, platform, arch) {
  return path.join(
    root,
    'node_modules',
    '.cache',
    'hmis-electron-native',
    `better-sqlite3-${versions.betterSqlite3}`,
    `electron-${versions.electron}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}

function readVersion(require, name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return null;
  }
}

function resolveFrom(require, id, paths) {
  try {
    return require.resolve(id, paths ? { paths } : undefined);
  } catch {
    return null;
  }
}

function run(label, args, cwd, timeoutMs) {
  console.log(`${TAG} ${label}`);
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', timeout: timeoutMs, env: process.env });
  if (result.error) console.log(`${TAG} ${label} could not run: ${result.error.message}`);
  return result.status === 0;
}

function skip(reason) {
  console.log(`${TAG} ${reason}`);
  return false;
}

/** The real ways of getting the binary, each working in a scratch copy of the package. */
function realSteps(require, packageDir) {
  const target = (versions) => [`--target=${versions.electron}`, `--arch=${process.arch}`];
  return [
    (work, versions) => {
      const bin = resolveFrom(require, 'prebuild-install/bin.js', [packageDir]);
      if (!bin) return skip('prebuild-install is not installed; skipping the download.');
      const args = [bin, '--runtime=electron', ...target(versions), `--platform=${process.platform}`, '--verbose'];
      return run(`Downloading a prebuilt better-sqlite3 ${versions.betterSqlite3} for Electron ${versions.electron}…`, args, work, 120_000);
    },
    (work, versions) => {
      const bin = resolveFrom(require, 'node-gyp/bin/node-gyp.js') ?? process.env.npm_config_node_gyp ?? null;
      if (!bin) return skip('node-gyp is not installed; cannot build from source.');
      const args = [bin, 'rebuild', '--release', ...target(versions), `--dist-url=${HEADERS_URL}`];
      return run('No prebuilt binary; building from source with node-gyp (needs Python and a C++ compiler)…', args, work, 20 * 60_000);
    },
  ];
}

/**
 * Ensures `cachePath(...)` exists. `steps` are tried in order in a fresh scratch copy of the
 * package until one leaves build/Release/better_sqlite3.node behind. Returns what happened.
 */
export function ensureElectronBinding({ root, packageDir, versions, platform, arch, steps }) {
  const target = cachePath(root, versions, platform, arch);
  if (existsSync(target)) return { status: 'present', target };
  for (const step of steps) {
    const work = mkdtempSync(path.join(tmpdir(), 'hmis-electron-native-'));
    try {
      for (const name of PACKAGE_FILES) {
        const from = path.join(packageDir, name);
        if (existsSync(from)) cpSync(from, path.join(work, name), { recursive: true });
      }
      const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
      if (!step(work, versions) || !existsSync(built)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      // Copy then rename, so an interrupted run never leaves a half-written binary to be loaded.
      const partial = `${target}.${process.pid}.partial`;
      copyFileSync(built, partial);
      renameSync(partial, target);
      return { status: 'created', target };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { status: 'failed', target };
}

function electronBinaryNote(require) {
  const electronDir = path.dirname(resolveFrom(require, 'electron/package.json') ?? '.');
  const pathFile = path.join(electronDir, 'path.txt');
  const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (!binary || !existsSync(binary)) {
    console.log(`${TAG} Note: the Electron binary itself is not installed (node_modules/electron/dist), so the app window cannot open.`);
    console.log(`${TAG} Install it with \`node node_modules/electron/install.js\` when online; \`npm run serve\` runs the app in a browser meanwhile.`);
  }
}

function failureMessage(versions, platform, arch) {
  return [
    `${TAG} Could not get better-sqlite3 ${versions.betterSqlite3} for Electron ${versions.electron} (${platform}-${arch}).`,
    `${TAG} Neither the prebuilt download nor a source build worked: usually there is no network connection,`,
    `${TAG} or (for the source build) Python or a C++ compiler is missing.`,
    `${TAG} The app will start but say that it cannot open its database. To fix it, either:`,
    `${TAG}   - run \`node scripts/electron-native.mjs\` again when online, or`,
    `${TAG}   - set HMIS_SQLITE_BINDING=/path/to/an/electron/better_sqlite3.node before \`npm start\`.`,
    `${TAG} (\`npm test\` is not affected: it uses the Node build in node_modules.)`,
  ].join('\n');
}

function main() {
  if (process.env.HMIS_SQLITE_BINDING) {
    console.log(`${TAG} HMIS_SQLITE_BINDING is set (${process.env.HMIS_SQLITE_BINDING}); nothing to do.`);
    return;
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(path.join(root, 'package.json'));
  const versions = { betterSqlite3: readVersion(require, 'better-sqlite3'), electron: readVersion(require, 'electron') };
  if (!versions.betterSqlite3 || !versions.electron) {
    console.log(`${TAG} better-sqlite3 or electron is not installed; run \`npm install\` first. Skipping.`);
    return;
  }
  electronBinaryNote(require);
  const packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const outcome = ensureElectronBinding({ root, packageDir, versions, platform: process.platform, arch: process.arch, steps: realSteps(require, packageDir) });
  const where = path.relative(root, outcome.target);
  if (outcome.status === 'present') console.log(`${TAG} better-sqlite3 ${versions.betterSqlite3} for Electron ${versions.electron} is ready (${where}).`);
  if (outcome.status === 'created') console.log(`${TAG} Saved better-sqlite3 ${versions.betterSqlite3} for Electron ${versions.electron} to ${where}.`);
  if (outcome.status === 'failed') console.log(failureMessage(versions, process.platform, process.arch));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
