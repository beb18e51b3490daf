import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererShared } from './renderer/vite.shared';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * `npm start` (electron-vite dev) and `npm run build`. Entries are spelled out because the layout
 * is ours (electron/main, electron/preload, renderer/), not electron-vite's src/ default. Output
 * folders keep electron-vite's defaults (out/main, out/preload, out/renderer), which main's
 * paths rely on, so `electron-vite build --outDir` still works.
 */
export default defineConfig({
  main: {
    build: {
      // package.json "type": "module" makes this ESM (out/main/index.js, package.json "main").
      // Dependencies stay in node_modules (better-sqlite3 must: it loads a native .node file).
      externalizeDeps: true,
      // The PDF and spreadsheet readers run in worker threads started from their own files
      // (core/documents/pdf/pdf-pool.ts and core/intake/sheet/sheet-worker.ts look for them beside
      // the bundle as read-pdf.worker.mjs and read-xlsx.worker.mjs), so each is an entry of its own.
      // So is the core worker (core/worker/start-core-worker.ts looks for core.worker.mjs beside it):
      // from source that name is a bootstrap that registers tsx; here it is the bundled entry itself.
      // Shared chunks sit beside the entries too, so import.meta.url finds every worker from any.
      rolldownOptions: {
        input: {
          index: here('electron/main/index.ts'),
          'core.worker': here('electron/core/worker/core-worker-main.ts'),
          'read-pdf.worker': here('electron/core/documents/pdf/read-pdf.worker.mjs'),
          'read-xlsx.worker': here('electron/core/intake/sheet/read-xlsx.worker.mjs'),
          'read-mail.worker': here('electron/core/documents/mail/read-mail.worker.mjs'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name.endsWith('.worker') ? '[name].mjs' : '[name].js'),
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing from node_modules, so zod and the contract are
      // bundled in; and it cannot be an ES module, hence CommonJS as index.cjs.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: here('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    // Shared with the browser build (renderer/vite.config.ts): React plugin, CSP meta, targets.
    ...rendererShared,
    root: here('renderer'),
    build: {
      ...rendererShared.build,
      rolldownOptions: { input: here('renderer/index.html') },
    },
  },
});
