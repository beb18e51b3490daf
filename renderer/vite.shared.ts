import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { APP_CSP_META } from '../shared/web/content-security-policy';

/** The page's own CSP. Inline styles stay allowed because Mantine sets CSS variables in style attributes. */
export const RENDERER_CSP = APP_CSP_META;

/**
 * The hosts (Electron protocol handler, HTTP host) send the authoritative CSP header; this meta copy
 * keeps a built page opened any other way just as strict. Build only: the dev server's React
 * refresh preamble is an inline script that a strict CSP would block.
 */
function cspMeta(): Plugin {
  return {
    name: 'hmis-csp-meta',
    apply: 'build',
    // Right after <meta charset>: a CSP meta only governs what comes after it, so it precedes every script.
    transformIndexHtml: (html) => html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" />`),
  };
}

/**
 * What every build of the renderer shares: the browser build (renderer/vite.config.ts) and the
 * electron-vite renderer build. Paths stay out of here because each build sets its own root/outDir.
 */
export const rendererShared = {
  plugins: [react(), cspMeta()],
  // Relative asset URLs: the page is served from a custom protocol in Electron and from / over HTTP.
  base: './',
  build: {
    target: 'chrome130',
    // Keep every asset a file of our own origin rather than a data: URL the CSP would have to allow.
    assetsInlineLimit: 0,
    sourcemap: true,
    // Loaded from disk or 127.0.0.1, never over a network: one bundle is fine for a desktop app.
    chunkSizeWarningLimit: 2000,
  },
} satisfies UserConfig;
