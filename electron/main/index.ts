import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, shell } from 'electron';
import { EVENT_CHANNEL } from '../../shared/contract/bridge';
import { createEventHub } from '../core/events/event-hub';
import { createSafeStorageSecretStore, SAFE_STORAGE_KIND } from '../core/secrets/safe-storage-secret-store';
import { startCoreWorker, type CoreWorker } from '../core/worker/start-core-worker';
import { APP_SCHEME } from './app-protocol';
import { mainCapabilities } from './capabilities';
import { electronPdfPrinter, PRINT_WINDOW_OPTIONS } from './print-to-pdf';
import { registerIpc } from './ipc';
import { dataDirOverride, nativeBindingCachePath, profileDirFor, resolveNativeBinding } from './launch-config';
import { buildMenuTemplate } from './menu';
import { isAppUrl, isTrustedFrame } from './security';
import { createMainWindow, focusWindow, hardenWebContents, serveRenderer, type ShellPaths } from './window';

// The Electron shell, kept thin: every decision lives in a pure, tested module beside this one.

const isDev = !app.isPackaged;
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
const paths: ShellPaths = {
  preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
  rendererDir: path.join(import.meta.dirname, '../renderer'),
  iconPath: path.join(app.getAppPath(), 'resources/icons/icon.png'),
  devServerUrl,
};

// Must happen before 'ready': gives app:// a real origin, fetch() and the secure-context APIs.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const override = dataDirOverride(process.argv, process.env);
if (override) app.setPath('userData', profileDirFor(override));
const dataDir = override ?? app.getPath('userData');

let mainWindow: BrowserWindow | null = null;

function devNativeBinding(): string | undefined {
  let cachedBinding: string | null = null;
  try {
    const pkgFile = path.join(app.getAppPath(), 'node_modules/better-sqlite3/package.json');
    const { version } = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string };
    cachedBinding = nativeBindingCachePath(app.getAppPath(), { betterSqlite3: version, electron: process.versions.electron }, process.platform, process.arch);
  } catch {
    // No readable better-sqlite3 package: let better-sqlite3 report the real problem itself.
  }
  return resolveNativeBinding({ isPackaged: app.isPackaged, env: process.env, cachedBinding, exists: existsSync });
}

/**
 * The core runs in a worker thread of this process, so no query ever stalls the window; main keeps
 * only what needs Electron (safeStorage, shell) and answers the worker's requests for it.
 */
async function openCore(emit: ReturnType<typeof createEventHub>['emit']): Promise<CoreWorker | null> {
  // The SMTP password is kept with the OS keychain (DPAPI on Windows) through safeStorage; the mail
  // sender runs while the app is open, and `hmis-desk mail send-due` covers when it is closed.
  const core = startCoreWorker({
    dataDir,
    emit,
    nativeBinding: devNativeBinding(),
    mail: { autoStart: true },
    checkOutputs: isDev,
    secretStoreKind: SAFE_STORAGE_KIND,
    capabilities: mainCapabilities(createSafeStorageSecretStore(safeStorage), shell, electronPdfPrinter(() => new BrowserWindow(PRINT_WINDOW_OPTIONS))),
    transferInputs: true,
  });
  try {
    await core.ready;
    return core;
  } catch (error) {
    console.error('Could not open the database', error);
    await core.close().catch(() => {});
    const hint = isDev
      ? '\n\nIn development, better-sqlite3 needs its Electron build: run `node scripts/electron-native.mjs` (it needs the network once).'
      : '';
    dialog.showErrorBox('HMIS Access Desk cannot open its database', `${error instanceof Error ? error.message : String(error)}\n\nData folder: ${dataDir}${hint}`);
    return null;
  }
}

function installMenu(): void {
  const template = buildMenuTemplate({
    isDev,
    isMac: process.platform === 'darwin',
    actions: {
      print: () =>
        mainWindow?.webContents.print({ printBackground: true }, (ok, reason) => {
          if (!ok && reason !== 'cancelled') console.error('Printing failed:', reason);
        }),
      about: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: 'About HMIS Access Desk',
          message: `HMIS Access Desk ${app.getVersion()}`,
          detail: `Data folder: ${dataDir}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
        }),
      openDataFolder: () => void shell.openPath(dataDir).then((problem) => problem && console.error(problem)),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Closes the database before the process ends, however the quit started. */
function closeOnQuit(core: CoreWorker): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core
      .close()
      .catch((error: unknown) => console.error('Closing the database failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));
  // One window, one database: closing it ends the app on every platform (macOS included).
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();

  const hub = createEventHub();
  const core = await openCore(hub.emit);
  if (!core) return app.exit(1);
  closeOnQuit(core);
  registerIpc(ipcMain, core.dispatch, (event) => isTrustedFrame(event.senderFrame, devServerUrl));
  hub.subscribe((name, payload) => {
    const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
    if (contents && isAppUrl(contents.getURL(), devServerUrl)) contents.send(EVENT_CHANNEL, name, payload);
  });

  serveRenderer(paths);
  installMenu();
  mainWindow = createMainWindow(paths, isDev);
  mainWindow.on('closed', () => (mainWindow = null));
}

if (app.requestSingleInstanceLock()) {
  void start().catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });
} else {
  // Another window already has this data folder open; it is brought to the front instead.
  app.quit();
}
