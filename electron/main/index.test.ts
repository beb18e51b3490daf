import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callChannel, EVENT_CHANNEL } from '../../shared/contract/bridge';
import type { CallName } from '../../shared/contract';
import { electron, fake } from './test-support/fake-electron';

// The shell's wiring (index.ts) run for real against a fake Electron: the binary is not installed
// on our build machines, and this is what would otherwise go untested. The page side speaks raw
// IPC here, as the preload does (electron/preload has its own tests; the walls keep it apart).
vi.mock('electron', async () => (await import('./test-support/fake-electron')).electron);

const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-shell-'));
const savedEnv = { ...process.env };

/** What the preload does for `window.hmis.invoke`. */
const invoke = (call: CallName, input?: unknown) => electron.ipcRenderer.invoke(callChannel(call), input);

beforeAll(async () => {
  process.env.HMIS_DATA_DIR = dataDir;
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.HMIS_SQLITE_BINDING;
  await import('./index');
  // The core starts in a worker thread (from TypeScript source here, through tsx): give it time.
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 60_000, interval: 50 });
  fake.frame = { url: 'app://hmis/index.html', parent: null };
}, 60_000);

afterAll(() => {
  process.env = savedEnv;
  rmSync(dataDir, { recursive: true, force: true });
});

const mainWindow = () => fake.windows[0]!;

describe('the Electron shell', () => {
  it('registers app:// as a privileged scheme and keeps the Chromium profile in the data folder', () => {
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.paths.userData).toBe(path.join(dataDir, 'electron-profile'));
    expect(fake.errors).toEqual([]);
  });

  it('turns on the sandbox for every renderer before the app is ready', () => {
    expect(fake.sandboxEnabled).toBe(true);
  });

  it('opens one sandboxed window on app://hmis with the CommonJS preload, shown when ready', () => {
    expect(mainWindow().url).toBe('app://hmis/index.html');
    expect(mainWindow().shown).toBe(true);
    expect(mainWindow().options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(mainWindow().options.webPreferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(fake.protocols.has('app')).toBe(true);
  });

  it('answers contract calls from our page through IPC and sends it the events of the core', async () => {
    expect(await invoke('app.info')).toMatchObject({ ok: true, value: { dataDir } });
    const seen: unknown[][] = [];
    electron.ipcRenderer.on(EVENT_CHANNEL, (_event, ...args) => seen.push(args));
    expect(await invoke('agencies.create', { name: 'Delta Recovery Services' })).toMatchObject({ ok: true });
    expect(seen).toEqual([['changed', { entities: ['agencies'] }]]);
    expect(await invoke('people.create', { email: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses a call from a frame that is not our page', async () => {
    fake.frame = { url: 'https://evil.example/', parent: null };
    try {
      expect(await invoke('app.info')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    } finally {
      fake.frame = { url: 'app://hmis/index.html', parent: null };
    }
  });

  it('denies permissions, keeps the window on our page and hands only https/mailto links to the OS', async () => {
    const granted = vi.fn();
    fake.permissionRequest(mainWindow().webContents, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.permissionCheck(mainWindow().webContents, 'media', 'app://hmis', { requestingUrl: 'app://hmis/index.html', isMainFrame: true })).toBe(false);
    expect(fake.permissionCheck(null, 'clipboard-read', 'https://evil.example')).toBe(false);
    const navigation = { defaultPrevented: false, preventDefault: () => void (navigation.defaultPrevented = true) };
    mainWindow().webContents.emit('will-navigate', navigation, 'https://www.hudexchange.info/programs/hmis/');
    expect(navigation.defaultPrevented).toBe(true);
    expect(mainWindow().windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.external).toEqual(['https://www.hudexchange.info/programs/hmis/']));
  });

  it('installs the native menu', () => {
    expect((fake.menu as { label?: string }[]).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it('closes the database before the process quits', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fake.app.quit();
    expect(fake.quitted).toBe(false);
    await vi.waitFor(() => expect(fake.quitted).toBe(true));
    await expect(invoke('app.info')).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
