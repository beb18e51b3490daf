import { APP_HOST, APP_SCHEME } from './app-protocol';

/** The part of Electron's WebFrameMain the checks need, so they are tested without Electron. */
export interface FrameLike {
  url: string;
  /** Null (or absent) for a top-level frame. */
  parent?: unknown;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for our own page: `app://hmis/...`, or in development the electron-vite dev server's
 * origin. Compares protocol and host rather than `origin`, which is "null" for custom schemes.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const dev = devServerUrl ? parse(devServerUrl) : null;
  return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
}

/**
 * Whether an IPC message may reach the core: it must come from the top frame of our own page.
 * An iframe (even one of ours), a page navigated elsewhere or a disposed frame is refused.
 */
export function isTrustedFrame(frame: FrameLike | null | undefined, devServerUrl?: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url, devServerUrl);
}

/** Links we hand to the operating system: web pages over TLS and email addresses, nothing else. */
export function isExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'mailto:');
}

export interface NavigationDecision {
  allow: boolean;
  /** Set when the URL should open in the user's browser or mail program instead. */
  openExternally?: string;
}

/** `will-navigate` / `will-redirect`: the window only ever shows our page. */
export function decideNavigation(url: string, devServerUrl?: string): NavigationDecision {
  if (isAppUrl(url, devServerUrl)) return { allow: true };
  return isExternalUrl(url) ? { allow: false, openExternally: url } : { allow: false };
}

/** `setWindowOpenHandler`: never a second Electron window; safe links go to the OS. */
export function decideWindowOpen(url: string): NavigationDecision {
  return isExternalUrl(url) ? { allow: false, openExternally: url } : { allow: false };
}
