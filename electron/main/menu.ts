import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  print(): void;
  about(): void;
  openDataFolder(): void;
}

export interface MenuOptions {
  isDev: boolean;
  isMac: boolean;
  actions: MenuActions;
}

/**
 * The native menu as data, so a test can check what staff get (and what they must not get:
 * reload and developer tools exist only in development, where a reload cannot lose an edit in
 * progress on a real office PC).
 */
export function buildMenuTemplate({ isDev, isMac, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isDev ? ([{ role: 'reload' }, { role: 'forceReload' }, { type: 'separator' }] as const) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isDev ? ([{ type: 'separator' }, { role: 'toggleDevTools' }] as const) : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'About HMIS Access Desk', click: () => actions.about() },
      { label: 'Open Data Folder', click: () => actions.openDataFolder() },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu', label: '&Edit' },
    view,
    { role: 'windowMenu', label: '&Window' },
    help,
  ];
}
