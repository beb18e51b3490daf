import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

// The same smoke test as the browser project, through the real Electron shell: the app:// protocol,
// the sandboxed CommonJS preload, IPC with its sender check, events, and the better-sqlite3 build
// for Electron. Skipped where the Electron binary cannot be downloaded (our build machines).

const SKIP_REASON = 'Electron binary not installed';
const repoRoot = path.resolve(import.meta.dirname, '..');

/**
 * Where `require('electron')` would point, found without requiring it: that require tries to
 * download a missing binary, which must not happen inside a test run.
 */
function electronBinary(): string | null {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

type LooseBridge = { invoke(call: string, input?: unknown): Promise<unknown> };

/**
 * Calls `window.hmis.invoke` inside the page. The arrow is serialised into the page, so it may use
 * nothing from this module but its arguments (and e2e is compiled without DOM types).
 */
function invoke(page: Page, call: string, input?: unknown): Promise<unknown> {
  return page.evaluate(([name, value]) => (globalThis as unknown as { hmis: LooseBridge }).hmis.invoke(name as string, value), [call, input] as const);
}

async function launch(dataDir: string): Promise<ElectronApplication> {
  const env = { ...process.env, HMIS_DATA_DIR: dataDir } as Record<string, string>;
  // Never the dev server: this tests the built app served from app://hmis.
  delete env.ELECTRON_RENDERER_URL;
  // Chromium refuses to start as root (CI containers) without this; the page stays sandboxed by
  // webPreferences either way.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return electron.launch({ executablePath: binary ?? undefined, args: [repoRoot, ...rootArgs], cwd: repoRoot, env });
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('Electron shell', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeAll(() => {
    if (!binary || process.env.HMIS_E2E_SKIP_BUILD) return;
    test.setTimeout(300_000);
    // The Electron-ABI better-sqlite3 (as `npm start` gets it), then main, preload and renderer
    // built from the current sources so the test never runs stale code.
    const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
    run([path.join(repoRoot, 'scripts/electron-native.mjs')]);
    run([path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  });

  test('opens the window, exposes only the bridge, and adds a person through the UI', async () => {
    if (!binary) console.log(`Skipping the Electron smoke test: ${SKIP_REASON}.`);
    test.skip(!binary, SKIP_REASON);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-e2e-electron-'));
    const app = await launch(dataDir);
    try {
      const page = await app.firstWindow();
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/hmis\//);

      await test.step('the page has the bridge and nothing of Node', async () => {
        const surface = await page.evaluate(() => ({
          bridge: Object.keys((globalThis as unknown as Record<string, object | undefined>).hmis ?? {}).sort(),
          node: ['require', 'process', 'Buffer', 'module'].filter((name) => name in globalThis),
        }));
        expect(surface).toEqual({ bridge: ['invoke', 'on'], node: [] });
        expect(await invoke(page, 'people.delete', { id: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
        expect(await invoke(page, 'app.info')).toMatchObject({ ok: true, value: { dataDir } });
      });

      await test.step('add a person from the form', async () => {
        // Created through IPC while the page is open: the `changed` event must refresh its lookups.
        expect(await invoke(page, 'agencies.create', { name: 'Delta Recovery Services' })).toMatchObject({ ok: true });
        await page.getByRole('button', { name: 'Start empty' }).click();
        await page.getByRole('button', { name: 'Add person' }).first().click();
        await page.getByLabel('First name').fill('Ngozi');
        await page.getByLabel('Last name').fill('Okafor');
        await page.getByLabel('Email', { exact: true }).fill('ngozi.okafor@delta.example.org');
        await choose(page, 'Agency', 'Delta Recovery Services');
        await choose(page, 'Access level', 'Read Only');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await expect(page.getByRole('heading', { name: 'Ngozi Okafor' })).toBeVisible();
        expect(await invoke(page, 'people.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
      });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
