import { EventEmitter } from 'node:events';

/**
 * Just enough of Electron to run electron/main/index.ts under Vitest (the Electron binary is not
 * installed on our build machines), plus an ipcRenderer wired to the registered handlers to play
 * the page. Everything the app registers lands in `fake` for the test to drive.
 */
type Fn = (...args: never[]) => unknown;
type Frame = { url: string; parent: unknown } | null;

export const fake = {
  userData: '/nonexistent/user-data',
  paths: {} as Record<string, string>,
  privileged: undefined as unknown,
  protocols: new Map<string, Fn>(),
  handlers: new Map<string, (event: { senderFrame: Frame }, ...args: unknown[]) => Promise<unknown>>(),
  windows: [] as FakeWindow[],
  errors: [] as string[][],
  external: [] as string[],
  rendererListeners: [] as [string, (...args: unknown[]) => void][],
  menu: undefined as unknown,
  permissionRequest: undefined as unknown as (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  permissionCheck: undefined as unknown as (contents: unknown, permission: string, requestingOrigin: string, details?: { requestingUrl?: string; isMainFrame?: boolean }) => boolean,
  /** Whether app.enableSandbox() was called (before 'ready', as Electron requires). */
  sandboxEnabled: false,
  /** The frame the fake ipcRenderer reports as sender. */
  frame: null as Frame,
  quitted: false,
  app: undefined as unknown as { quit(): void },
};

const appEvents = new EventEmitter();

export const app = Object.assign(appEvents, {
  isPackaged: false,
  getAppPath: () => '/nonexistent/app',
  getPath: (name: string) => fake.paths[name] ?? fake.userData,
  setPath: (name: string, value: string) => void (fake.paths[name] = value),
  requestSingleInstanceLock: () => true,
  enableSandbox: () => void (fake.sandboxEnabled = true),
  whenReady: () => Promise.resolve(),
  getVersion: () => '0.0.0-test',
  exit: () => {},
  quit: () => {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    appEvents.emit('will-quit', event);
    if (!event.defaultPrevented) fake.quitted = true;
  },
});

fake.app = app;

export class FakeWindow extends EventEmitter {
  url = '';
  shown = false;
  windowOpenHandler?: (details: { url: string }) => unknown;
  readonly webContents = Object.assign(new EventEmitter(), {
    send: (channel: string, ...args: unknown[]) => {
      for (const [ch, listener] of fake.rendererListeners) if (ch === channel) listener({ sender: 'ipcRenderer' }, ...args);
    },
    getURL: () => this.url,
    print: () => {},
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => void (this.windowOpenHandler = handler),
  });

  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    fake.windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }

  async loadURL(url: string) {
    this.url = url;
    this.emit('ready-to-show');
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  show = () => void (this.shown = true);
  focus = () => {};
  restore = () => {};
}

export const electron = {
  app,
  BrowserWindow: FakeWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => void (fake.privileged = schemes),
    handle: (scheme: string, handler: Fn) => void fake.protocols.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => void (fake.permissionRequest = handler),
      setPermissionCheckHandler: (handler: typeof fake.permissionCheck) => void (fake.permissionCheck = handler),
      setDevicePermissionHandler: () => {},
      webRequest: { onHeadersReceived: () => {} },
    },
  },
  ipcMain: {
    handle: (channel: string, handler: (typeof fake.handlers extends Map<string, infer H> ? H : never)) => void fake.handlers.set(channel, handler),
    removeHandler: (channel: string) => void fake.handlers.delete(channel),
  },
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => void (fake.menu = menu) },
  dialog: { showErrorBox: (title: string, message: string) => void fake.errors.push([title, message]), showMessageBox: async () => ({ response: 0 }) },
  // Reversible stand-in for the OS keychain: enough for the shell to start its mail secret store.
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from(plain, 'utf8'),
    decryptString: (cipher: Buffer) => cipher.toString('utf8'),
  },
  shell: { openExternal: async (url: string) => void fake.external.push(url), openPath: async () => '' },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      const handler = fake.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler({ senderFrame: fake.frame }, ...args);
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => void fake.rendererListeners.push([channel, listener]),
    removeListener: (channel: string, listener: unknown) =>
      void (fake.rendererListeners = fake.rendererListeners.filter(([ch, l]) => !(ch === channel && l === listener))),
  },
};
