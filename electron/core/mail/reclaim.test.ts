import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import { createCore } from '../create-core';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { claimDue } from './outbox.repo';
import { createSenderRegistry, mayBeAlive, senderRegistryDir, thisProcess, type SenderIdentity } from './sender/sender-registry';
import { invoke, queueIn, sideContext } from './test-support/mail-test-kit';

let t: TempCore;
let side: { ctx: CoreContext; close(): Promise<void> };
const children: ChildProcess[] = [];
beforeEach(async () => {
  t = await tempCore();
  side = sideContext(t);
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await side.close();
  await t.dispose();
});

/** A real process to stand for another sender: alive until killed. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}
const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve())));

/** Three messages claimed by "another sender" (the claim a sender makes), left `sending`. */
async function claimedByAnotherSender(owner: SenderIdentity): Promise<void> {
  createSenderRegistry(t.dataDir, owner).register();
  for (let i = 0; i < 3; i += 1) await queueIn(side.ctx, { template: 'test_message', to: [`user${i}@rivercity.example.org`], data: { sentAt: `n${i}` } });
  expect(await claimDue(side.ctx.db, t.clock.now().toISOString(), '1970-01-01T00:00:00.000Z', 10)).toHaveLength(3);
}

/** The next start of the app (or of a CLI command) on the same data folder. */
async function restart() {
  const core = await createCore({ dataDir: t.dataDir, clock: t.clock, operator: 'restarted' });
  const status = await invoke(core, 'mail.status', {});
  await core.close();
  return status.counts;
}

describe('reclaiming at startup what a killed sender had claimed', () => {
  it('puts the messages back in the queue at once when their sender\'s process is gone', async () => {
    const child = otherProcess();
    await claimedByAnotherSender({ ...thisProcess(), pid: child.pid ?? 0 });
    child.kill('SIGKILL');
    await exited(child);
    expect(await restart()).toMatchObject({ sending: 0, queued: 3 });
    expect(readdirSync(senderRegistryDir(t.dataDir))).toEqual([]); // the dead sender's file is gone
    const audit = await side.ctx.db.selectFrom('audit').select(['action', 'operator', 'after']).where('action', '=', 'mail.reclaimed').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operator: 'restarted' });
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ count: 3 });
  });

  it('leaves them to a sender that is still running, and takes them once it is gone', async () => {
    const child = otherProcess();
    await claimedByAnotherSender({ ...thisProcess(), pid: child.pid ?? 0 });
    expect(await restart()).toMatchObject({ sending: 3, queued: 0 });
    child.kill('SIGKILL');
    await exited(child);
    expect(await restart()).toMatchObject({ sending: 0, queued: 3 });
  });

  it('treats an earlier process that had our process id as dead', async () => {
    await claimedByAnotherSender({ ...thisProcess(), processStartedAt: thisProcess().processStartedAt - 3_600_000 });
    expect(await restart()).toMatchObject({ sending: 0, queued: 3 });
  });

  it('leaves a sender on another computer sharing the folder alone (it cannot be checked)', async () => {
    await claimedByAnotherSender({ host: 'FRONT-DESK-PC', pid: 4242, processStartedAt: 0 });
    expect(await restart()).toMatchObject({ sending: 3 });
  });

  it('does not take the claims of a sender in this very process (a run under way)', async () => {
    await claimedByAnotherSender(thisProcess());
    expect(await restart()).toMatchObject({ sending: 3 });
  });
});

describe('mayBeAlive', () => {
  const here = { host: 'OFFICE-PC', pid: 100, processStartedAt: 1_000_000 };
  it('decides from the host, the process id and the process start', () => {
    expect(mayBeAlive({ ...here, pid: 200 }, here, () => true)).toBe(true);
    expect(mayBeAlive({ ...here, pid: 200 }, here, () => false)).toBe(false);
    expect(mayBeAlive({ ...here, processStartedAt: 1_000_400 }, here, () => false)).toBe(true); // the same process, read twice
    expect(mayBeAlive({ ...here, processStartedAt: 900_000 }, here, () => true)).toBe(false); // our id, reused
    expect(mayBeAlive({ ...here, host: 'OTHER-PC' }, here, () => false)).toBe(true);
  });
});
