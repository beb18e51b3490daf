import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built CommonJS preload (`out/preload/index.cjs`). */
  preloadPath: string;
  isDev: boolean;
  /** Window icon on Linux/Windows in development; packaged apps take the executable's icon. */
  iconPath?: string;
}

/**
 * The one BrowserWindow's options. Every security switch is spelled out, even where it matches
 * Electron's default, so a reviewer sees the whole posture here and a future default change
 * cannot loosen it silently.
 */
export function mainWindowOptions({ preloadPath, isDev, iconPath }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'HMIS Access Desk',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so staff never see a white flash of an empty window.
    show: false,
    backgroundColor: '#ffffff',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A PDF dropped beside the drop zone must not replace the app with a file:// page.
      navigateOnDragDrop: false,
      // A middle click opens a link in a new window without 'click': refused at the source too
      // (setWindowOpenHandler denies it anyway).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
      devTools: isDev,
    },
  };
}
