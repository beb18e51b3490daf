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
  // No mail server is set: what went out went as drafts staff sent by hand; nothing failed at a server.
  expect(status.counts).toEqual({ queued: 2, sending: 0, sent: 2, drafted: 0, failed: 0, cancelled: 1 });
  const all = await invoke(t.core, 'mail.list', { limit: 50 });
  expect(all.items.every((m) => m.to.every((a) => a.address.endsWith('.example.org')))).toBe(true);
  expect(all.items.map((m) => m.template).sort()).toEqual(['document_rejected', 'quiz_result', 'recert_reminder', 'retake_request', 'training_links']);
  // Without SMTP settings the two messages due now become drafts.
  expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ drafted: 2 });
  expect((await invoke(t.core, 'mail.status', {})).counts).toMatchObject({ queued: 0, drafted: 2 });
});

it("the app's sender (autoStart) handles what was queued, without being asked", async () => {
  const app = await tempCore({ mail: { autoStart: true, sender: { pollMs: 60_000 } } });
  try {
    await invoke(app.core, 'demo.seed', { people: 20 }); // emits changed: mail after its commit
    const deadline = Date.now() + 5_000;
    while ((await invoke(app.core, 'mail.status', {})).counts.drafted < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await invoke(app.core, 'mail.status', {})).counts).toMatchObject({ drafted: 2, queued: 0 });
  } finally {
    await app.dispose();
  }
});
