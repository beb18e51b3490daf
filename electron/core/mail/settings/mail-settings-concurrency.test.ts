import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOneWinner, race } from '../../test-support/race';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import { invoke } from '../test-support/mail-test-kit';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const SAME_BASE = /^Someone else changed the mail settings while you were editing them\. Reload to see their change, then make yours again\.$/;

describe('two mail settings saves from the same base', () => {
  it('keeps one save and refuses the other, on the very first save too', async () => {
    const loaded = await invoke(t.core, 'mail.settings.get', {});
    expect(loaded.updatedAt).toBeNull();
    const save = (officeName: string) => () => invoke(t.core, 'mail.settings.save', { officeName, expectedUpdatedAt: loaded.updatedAt });
    const winner = expectOneWinner(await race(save('Sacramento County HMIS'), save('Sacramento HMIS Office')), SAME_BASE);
    const stored = await invoke(t.core, 'mail.settings.get', {});
    expect(stored.officeName).toBe(winner.officeName);
    expect(stored.updatedAt).toBe('2026-11-28T15:00:00.000Z');
  });

  it('refuses a save from a form loaded before the last save, and takes one loaded after it', async () => {
    const loaded = await invoke(t.core, 'mail.settings.get', {});
    const first = await invoke(t.core, 'mail.settings.save', { officeName: 'Sacramento County HMIS', expectedUpdatedAt: loaded.updatedAt });
    await expect(invoke(t.core, 'mail.settings.save', { signature: 'The HMIS team', expectedUpdatedAt: loaded.updatedAt })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(SAME_BASE) });
    const second = await invoke(t.core, 'mail.settings.save', { signature: 'The HMIS team', expectedUpdatedAt: first.updatedAt });
    expect(second).toMatchObject({ officeName: 'Sacramento County HMIS', signature: 'The HMIS team' });
    expect(second.updatedAt).not.toBe(first.updatedAt);
  });

  it('refuses the second of two saves that sent no base rather than putting back the old fields', async () => {
    const save = (changes: { officeName?: string; signature?: string }) => () => invoke(t.core, 'mail.settings.save', changes);
    expectOneWinner(await race(save({ officeName: 'Sacramento County HMIS' }), save({ signature: 'The HMIS team' })), SAME_BASE);
  });
});
