/**
 * The Content-Security-Policy of the app page. Strict on purpose: no `unsafe-eval`, no inline
 * scripts, nothing loaded from the network. `style-src 'unsafe-inline'` stays because Mantine
 * writes CSS variables into style attributes; `blob:` workers are how pdf.js runs off the UI thread.
 * (renderer/vite.shared.ts injects the same policy as a meta tag into built pages.)
 */
const PRODUCTION_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/**
 * With `devServerUrl` (electron-vite dev only) two things are loosened, because Vite's dev server
 * needs them and the dev server never ships: the React refresh preamble is an inline script, and
 * hot reload talks over a WebSocket to the dev server. Still no `unsafe-eval`.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const directives = new Map(PRODUCTION_DIRECTIVES);
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
    directives.set('script-src', "'self' 'unsafe-inline'");
    directives.set('connect-src', `'self' ${socket}`);
  }
  return [...directives].map(([name, value]) => `${name} ${value}`).join('; ');
}
