import { defineConfig } from 'vite';
import { rendererShared } from './vite.shared.js';

// The browser build served by electron/host (`npm run serve`, e2e tests).
export default defineConfig({
  ...rendererShared,
  root: import.meta.dirname,
  build: {
    ...rendererShared.build,
    outDir: `${import.meta.dirname}/../out/web`,
    emptyOutDir: true,
  },
});
