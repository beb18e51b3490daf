import { CSP_DIRECTIVES, formatCsp } from '../../shared/web/content-security-policy';

/**
 * With `devServerUrl` (electron-vite dev only) two things are loosened, because Vite's dev server
 * needs them and the dev server never ships: the React refresh preamble is an inline script, and
 * hot reload talks over a WebSocket to the dev server. Still no `unsafe-eval`.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const directives = new Map(CSP_DIRECTIVES);
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
    directives.set('script-src', "'self' 'unsafe-inline'");
    directives.set('connect-src', `'self' ${socket}`);
  }
  return formatCsp(directives);
}
