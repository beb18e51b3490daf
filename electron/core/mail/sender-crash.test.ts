import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import { createCore } from '../create-core';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { configureSmtp, FAST_SMTP, invoke, queueIn, sideContext } from './test-support/mail-test-kit';
import { createTestSmtpServer, type TestSmtpServer } from './test-support/smtp-test-server';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-support', 'send-due-child.ts');
const MESSAGES = 100;
const KILL_AFTER = 40;

let t: TempCore;
let side: { ctx: CoreContext; close(): Promise<void> };
let server: TestSmtpServer;
let killChild: () => void = () => {};
beforeEach(async () => {
  t = await tempCore({ mail: { sender: { smtp: FAST_SMTP } } });
  side = sideContext(t);
});
afterEach(async () => {
  await server.close();
  await side.close();
  await t.dispose();
});

/** Starts the sender in its own process; resolves with how it ended (signal or exit code). */
function runChild(): { ended: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, t.dataDir, t.clock.now().toISOString()], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  killChild = () => child.kill('SIGKILL');
  return {
    ended: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}: ${stderr.slice(-500)}`))),
  };
}

it('loses no message when the sender is killed mid-batch; duplicates are counted (at-least-once)', async () => {
  let killedAt = 0;
  // Slow enough (about 5 messages per 20 ms) that the kill lands in the middle of the batch.
  server = createTestSmtpServer({
    delayMs: 20,
    countOnly: true,
    onAccepted: (count) => {
      if (count === KILL_AFTER) {
        killedAt = count;
        killChild();
      }
    },
  });
  const port = await server.listen();
  await configureSmtp(t.core, port);
  const ids: string[] = [];
  for (let i = 0; i < MESSAGES; i += 1) ids.push((await queueIn(side.ctx, { template: 'test_message', to: [`user${i}@rivercity.example.org`], data: { sentAt: `n${i}` } })).messageId);

  expect(await runChild().ended).toBe('SIGKILL');
  const afterKill = await invoke(t.core, 'mail.status', {});
  expect(killedAt).toBe(KILL_AFTER);
  expect(afterKill.counts.sending).toBeGreaterThan(0); // the dead sender's claims

  // A process that was already running does not take them before the reclaim timeout: it cannot
  // tell a dead sender's claims from a live one's by the rows alone.
  expect(await invoke(t.core, 'mail.sendDue', {})).toMatchObject({ sent: 0 });
  // The next start can: the registry names the dead process, so its claims are queued again at
  // once (same clock: no 10-minute wait).
  const restarted = await createCore({ dataDir: t.dataDir, clock: t.clock, operator: 'restarted', mail: { sender: { smtp: FAST_SMTP } } });
  let restart: Awaited<ReturnType<typeof restarted.mail.sender.sendDue>>;
  try {
    expect((await invoke(restarted, 'mail.status', {})).counts.sending).toBe(0);
    restart = await invoke(restarted, 'mail.sendDue', {});
  } finally {
    await restarted.close();
  }
  expect(await invoke(t.core, 'mail.status', {})).toMatchObject({ counts: { sent: MESSAGES, sending: 0, queued: 0, failed: 0 } });

  const received = server.messageIds;
  const unique = new Set(received);
  expect([...ids].filter((id) => !unique.has(id))).toEqual([]); // none lost
  const duplicates = received.length - unique.size;
  console.log(
    `[mail crash test] ${MESSAGES} messages; sender SIGKILLed after the server accepted ${KILL_AFTER}; ` +
      `the dead sender had recorded ${afterKill.counts.sent} as sent; the restarted app reclaimed its claims at startup and sent ${restart.sent}; ` +
      `server received ${received.length} for ${unique.size} distinct Message-IDs: ${duplicates} duplicate(s).`,
  );
  // Only what the dead sender delivered but had not yet written down can arrive twice: at most what
  // the server took from it (plus the messages in flight as it died) minus what it recorded.
  expect(duplicates).toBeLessThanOrEqual(received.length - restart.sent - afterKill.counts.sent);
  expect(received.length - restart.sent).toBeLessThanOrEqual(KILL_AFTER + 10);
});
