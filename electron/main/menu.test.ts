import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const actions = () => ({ print: vi.fn(), about: vi.fn(), openDataFolder: vi.fn() });

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help, with File > Print… on Ctrl+P', () => {
    const spy = actions();
    const menu = buildMenuTemplate({ isDev: false, isMac: false, actions: spy });
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const print = flatten(menu).find((item) => item.label === 'Print…');
    expect(print?.accelerator).toBe('CmdOrCtrl+P');
    (print?.click as () => void)();
    expect(spy.print).toHaveBeenCalledOnce();
  });

  it('offers About and the data folder under Help', () => {
    const spy = actions();
    const help = flatten(buildMenuTemplate({ isDev: false, isMac: false, actions: spy }));
    (help.find((i) => i.label === 'Open Data Folder')?.click as () => void)();
    (help.find((i) => i.label === 'About HMIS Access Desk')?.click as () => void)();
    expect(spy.openDataFolder).toHaveBeenCalledOnce();
    expect(spy.about).toHaveBeenCalledOnce();
  });

  it('keeps reload and developer tools out of the production menu', () => {
    const roles = (isDev: boolean) => flatten(buildMenuTemplate({ isDev, isMac: false, actions: actions() })).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit']));
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('adds the application menu on macOS', () => {
    expect(buildMenuTemplate({ isDev: false, isMac: true, actions: actions() })[0]?.role).toBe('appMenu');
  });
});
