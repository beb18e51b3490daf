import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { invoke } from './test-support/mail-test-kit';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

it('demo seed leaves sample messages in several states, every one to an example.org address', async () => {
  await invoke(t.core, 'demo.seed', { people: 20 });
  const status = await invoke(t.core, 'mail.status', {});
  expect(status.counts).toEqual({ queued: 2, sending: 0, sent: 2, drafted: 0, failed: 1, cancelled: 1 });
  const all = await invoke(t.core, 'mail.list', { limit: 50 });
  expect(all.items.every((m) => m.to.every((a) => a.address.endsWith('.example.org')))).toBe(true);
  expect(all.items.find((m) => m.status === 'failed')?.lastError).toMatch(/550 5\.1\.1/);
  // Without SMTP settings the message due now becomes a draft; the one waiting to retry stays.
  expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ drafted: 1 });
  expect((await invoke(t.core, 'mail.status', {})).counts).toMatchObject({ queued: 1, drafted: 1 });
});

it("the app's sender (autoStart) handles what was queued, without being asked", async () => {
  const app = await tempCore({ mail: { autoStart: true, sender: { pollMs: 60_000 } } });
  try {
    await invoke(app.core, 'demo.seed', { people: 10 }); // emits changed: mail after its commit
    const deadline = Date.now() + 5_000;
    while ((await invoke(app.core, 'mail.status', {})).counts.drafted === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await invoke(app.core, 'mail.status', {})).counts).toMatchObject({ drafted: 1, queued: 1 });
  } finally {
    await app.dispose();
  }
});
