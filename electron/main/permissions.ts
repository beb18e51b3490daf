import { isAppUrl } from './security';

/**
 * Chromium's permission names as Electron passes them to the request and check handlers
 * (Electron 45). Listed so the test can walk every one; a name Electron adds later is refused too.
 */
export const KNOWN_PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'background-sync',
] as const;

/**
 * What the app's own page may use. Nothing: staff onboarding needs no camera, microphone,
 * location, notifications, clipboard reading or devices, and copy/paste by keyboard needs no
 * permission. A later need is added here, and is still granted to our own page only.
 */
const GRANTED: ReadonlySet<string> = new Set<string>();

export interface PermissionAsk {
  permission: string;
  /** The page or frame asking: Electron's `requestingUrl` (request) or `requestingOrigin` (check). */
  requestingUrl?: string;
  /** Electron's `details.isMainFrame`; a subframe never gets a permission. */
  isMainFrame?: boolean;
}

export interface PermissionPolicy {
  devServerUrl?: string;
  /** Tests pass a set of their own to prove the origin and frame rules; the app uses GRANTED. */
  granted?: ReadonlySet<string>;
}

/** One decision for both handlers, so a check can never say yes where a request says no. */
export function mayUse(ask: PermissionAsk, { devServerUrl, granted = GRANTED }: PermissionPolicy = {}): boolean {
  if (!granted.has(ask.permission)) return false;
  if (ask.isMainFrame === false) return false;
  return ask.requestingUrl !== undefined && isAppUrl(ask.requestingUrl, devServerUrl);
}

/** `session.setPermissionRequestHandler` (a page asks: getUserMedia, Notification.requestPermission…). */
export function permissionRequestHandler(policy: PermissionPolicy = {}) {
  return (_contents: unknown, permission: string, callback: (granted: boolean) => void, details?: { requestingUrl?: string; isMainFrame?: boolean }): void =>
    callback(mayUse({ permission, requestingUrl: details?.requestingUrl, isMainFrame: details?.isMainFrame }, policy));
}

/** `session.setPermissionCheckHandler` (a page asks whether it has one: navigator.permissions.query…). */
export function permissionCheckHandler(policy: PermissionPolicy = {}) {
  return (_contents: unknown, permission: string, requestingOrigin: string, details?: { requestingUrl?: string; isMainFrame?: boolean }): boolean =>
    mayUse({ permission, requestingUrl: details?.requestingUrl ?? requestingOrigin, isMainFrame: details?.isMainFrame }, policy);
}
