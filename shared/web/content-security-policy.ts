/**
 * The one Content-Security-Policy of the app page, sent by the Electron protocol handler and by the
 * HTTP host, and written as a meta tag into built pages. Strict on purpose: no `unsafe-eval`, no
 * inline scripts, nothing from the network. `style-src 'unsafe-inline'` stays because Mantine writes
 * CSS variables into style attributes; `blob:` workers are how pdf.js runs off the UI thread.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = [
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

export function formatCsp(directives: Iterable<readonly [string, string]>): string {
  return [...directives].map(([name, value]) => `${name} ${value}`).join('; ');
}

export const APP_CSP = formatCsp(CSP_DIRECTIVES);

/** Browsers ignore `frame-ancestors` in a meta tag (and warn): the headers carry it. */
export const APP_CSP_META = formatCsp(CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors'));
