// The core worker's entry when running from TypeScript source (tsx, Vitest, `npm run serve`):
// a worker thread starts from a file and does not inherit Vitest's transform, so register tsx
// here, then load the real entry. The Electron bundle does not use this file: electron.vite.config.ts
// builds core-worker-main.ts itself into out/main/core.worker.mjs (see start-core-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./core-worker-main.ts');
