import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../shared/contract';
import { tempCore } from '../test-support/temp-core';
import { inProcessDispatch } from './in-process';

describe('the in-process dispatch (tests, the host fixture)', () => {
  it('checks results against the contract outside production, and logs which call broke it', async () => {
    const log = vi.fn();
    const broken = { handlers: { 'accessLevels.list': () => Promise.resolve('not a list') } as unknown as Handlers };
    const dispatch = inProcessDispatch(broken, log);
    expect(await dispatch('accessLevels.list', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('accessLevels.list') } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('accessLevels.list'), expect.any(Error));
  });

  it("passes a real core's results, which keep the contract", async () => {
    const t = await tempCore();
    try {
      const dispatch = inProcessDispatch(t.core);
      expect(await dispatch('accessLevels.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: 'Read Only' })]) });
      expect(await dispatch('app.info', {})).toMatchObject({ ok: true });
    } finally {
      await t.dispose();
    }
  });
});
