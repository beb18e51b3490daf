import { beforeAll, describe, expect, it, vi } from 'vitest';

// index.ts is the only preload code that touches Electron: check it exposes the bridge, and only it.
const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
  ipcRenderer: { invoke: async () => ({ ok: true, value: 'from main' }), on: () => {}, removeListener: () => {} },
}));

beforeAll(async () => {
  await import('./index');
});

describe('preload entry', () => {
  it('exposes window.hmis with invoke and on, and nothing else', async () => {
    expect(Object.keys(exposed)).toEqual(['hmis']);
    const hmis = exposed.hmis as { invoke(call: string): Promise<unknown> };
    expect(Object.keys(hmis).sort()).toEqual(['invoke', 'on']);
    await expect(hmis.invoke('app.info')).resolves.toEqual({ ok: true, value: 'from main' });
  });
});
