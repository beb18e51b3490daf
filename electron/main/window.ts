import { BrowserWindow, protocol, session, shell, type Session, type WebContents } from 'electron';
import { APP_SCHEME, APP_START_URL, serveAppRequest } from './app-protocol';
import { contentSecurityPolicy } from './csp';
import { permissionCheckHandler, permissionRequestHandler } from './permissions';
import { decideNavigation, decideWindowOpen } from './security';
import { mainWindowOptions } from './window-options';

export interface ShellPaths {
  preloadPath: string;
  rendererDir: string;
  iconPath?: string;
  /** electron-vite's dev server, only in development. */
  devServerUrl?: string;
}

function openExternally(url: string | undefined): void {
  if (url) void shell.openExternal(url).catch((error: unknown) => console.error('Could not open', url, error));
}

/** Applied to every webContents ever created, so no later window or frame escapes the rules. */
export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, devServerUrl);
    if (decision.allow) return;
    event.preventDefault();
    openExternally(decision.openExternally);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(decideWindowOpen(url).openExternally);
    return { action: 'deny' };
  });
}

/**
 * No camera, microphone, notifications, geolocation, HID/USB/serial…: the app needs none. Asking
 * (request) and querying (check) go through the same decision (permissions.ts).
 */
export function installPermissionHandlers(target: Session, devServerUrl?: string): void {
  target.setPermissionRequestHandler(permissionRequestHandler({ devServerUrl }));
  target.setPermissionCheckHandler(permissionCheckHandler({ devServerUrl }));
  target.setDevicePermissionHandler(() => false);
}

/** Development only: the dev server cannot send our CSP, so it is added on the way in. */
function addDevCsp(target: Session, devServerUrl: string): void {
  const csp = contentSecurityPolicy(devServerUrl);
  const origin = new URL(devServerUrl).origin;
  target.webRequest.onHeadersReceived((details, callback) => {
    if (!details.url.startsWith(`${origin}/`)) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

/** Serves the built renderer on app://hmis/ with the CSP header (after app 'ready'). */
export function serveRenderer(paths: ShellPaths): void {
  const target = session.defaultSession;
  installPermissionHandlers(target, paths.devServerUrl);
  if (paths.devServerUrl) {
    addDevCsp(target, paths.devServerUrl);
    return;
  }
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(paths.rendererDir, request, csp));
}

export function createMainWindow(paths: ShellPaths, isDev: boolean): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions({ preloadPath: paths.preloadPath, isDev, iconPath: paths.iconPath }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(paths.devServerUrl ?? APP_START_URL).catch((error: unknown) => console.error('Could not load the app page', error));
  return win;
}

export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
