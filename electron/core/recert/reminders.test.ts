import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../shared/calendar-date';
import { DEFAULT_RECERT_POLICY } from '../../../shared/domain/recert-policy';
import { reminderOwed, reminderSchedule } from '../../../shared/recert';
import { openSqlite } from '../db/sqlite.repo';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';
import { seedCertifiedPeople } from './test-support/certified-people';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-support', 'remind-child.ts');

let t: TempCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

/** The child processes open the data folder themselves; afterEach still removes it. */
async function closeCore(current: TempCore): Promise<void> {
  await current.core.close();
  const { dataDir } = current;
  current.dispose = async () => rmSync(dataDir, { recursive: true, force: true });
}

/** Certified from 1 March to 31 December 2026, spread evenly: due dates over 2027, each schedule after 1 December 2026. */
const certifiedOn = (count: number) => (i: number) => addDays('2026-03-01', Math.floor((i * 305) / count));

async function certifiedCore(count: number) {
  t = await tempCore();
  const { agency, levels } = await basics(t.core);
  const ids = seedCertifiedPeople(t.dataDir, count, certifiedOn(count), agency.id, (levels[0] as { id: number }).id);
  return { t, ids };
}

interface Recorded {
  personId: number;
  dueOn: string;
  offsetDays: number;
  queuedOn: string;
  mailId: number | null;
  template: string | null;
}

function recorded(dataDir: string): Recorded[] {
  const sqlite = openSqlite(path.join(dataDir, 'hmis.sqlite'));
  try {
    return sqlite.prepare(`SELECT r.person_id AS personId, r.due_on AS dueOn, r.offset_days AS offsetDays, r.queued_on AS queuedOn, r.mail_id AS mailId, m.template
      FROM recert_reminders AS r LEFT JOIN mail_outbox AS m ON m.id = r.mail_id ORDER BY r.id`).all() as Recorded[];
  } finally {
    sqlite.close();
  }
}

function reminderMails(dataDir: string): number {
  const sqlite = openSqlite(path.join(dataDir, 'hmis.sqlite'));
  try {
    return (sqlite.prepare(`SELECT count(*) AS n FROM mail_outbox WHERE template IN ('recert_reminder', 'overdue_notice')`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

function runChild(dataDir: string, iso: string, extra: string[] = []): Promise<{ signal: string | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, iso, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ signal, out })));
}

describe('recert.remind', () => {
  it('queues every reminder of a year exactly once, in order, run daily over 1,000 people', async () => {
    const { t, ids } = await certifiedCore(1000);
    const expected = ids.flatMap((personId, i) => reminderSchedule(addMonths(certifiedOn(1000)(i), 12), DEFAULT_RECERT_POLICY).map((r) => ({ personId, on: r.on, offsetDays: r.offsetDays })));
    let queued = 0;
    for (let day = '2026-12-01'; day <= '2028-01-31'; day = addDays(day, 1)) {
      t.clock.set(`${day}T13:00:00.000Z`);
      const run = await t.core.handlers['recert.remind']({ dryRun: false });
      queued += run.queued;
      if (day === '2027-06-01') {
        // A second run the same day (the app and Task Scheduler) queues nothing more.
        const again = await t.core.handlers['recert.remind']({ dryRun: false });
        expect(again).toMatchObject({ queued: 0, skippedAlreadySent: run.queued + run.skippedAlreadySent });
      }
    }
    const rows = recorded(t.dataDir);
    expect(queued).toBe(expected.length);
    const got = new Set(rows.map((r) => `${r.personId} ${r.offsetDays} ${r.queuedOn}`));
    const missing = expected.filter((e) => !got.has(`${e.personId} ${e.offsetDays} ${e.on}`));
    expect(missing.slice(0, 3).map((m) => [m, rows.filter((r) => r.personId === m.personId)])).toEqual([]);
    expect(got.size).toBe(rows.length);
    // In order: each person's reminders were queued by offset, each on its own day.
    for (const personId of ids.slice(0, 50)) {
      const mine = rows.filter((r) => r.personId === personId);
      expect(mine.map((r) => r.offsetDays)).toEqual([-60, -30, -14, -7, 0, 7, 14]);
    }
    expect(rows.every((r) => r.template === (r.offsetDays > 0 ? 'overdue_notice' : 'recert_reminder'))).toBe(true);
    expect(reminderMails(t.dataDir)).toBe(expected.length);
  }, 240_000);

  it('says what goes out today on a dry run and queues nothing', async () => {
    const { t } = await certifiedCore(40);
    t.clock.set('2027-03-02T13:00:00.000Z');
    const dry = await t.core.handlers['recert.remind']({ dryRun: true });
    expect(dry.queued).toBeGreaterThan(0);
    expect(recorded(t.dataDir)).toHaveLength(0);
    const real = await t.core.handlers['recert.remind']({ dryRun: false });
    expect(real.items).toEqual(dry.items);
    expect(real.byOffset).toEqual(dry.byOffset);
  });

  it('leaves both the reminder and its message or neither when killed between queueing and recording, and the next run completes it once', async () => {
    const { t, ids } = await certifiedCore(3000);
    await closeCore(t);
    // 3,000 people due from March to December 2027: on 15 June everyone due from 16 May to 14 August is owed one.
    const day = '2027-06-15';
    const owed = ids.filter((_, i) => reminderOwed(addMonths(certifiedOn(3000)(i), 12), day, DEFAULT_RECERT_POLICY)).length;
    expect(owed).toBeGreaterThan(600);
    // Transactions of 200 people; the third is killed once its messages are in the outbox.
    const killed = await runChild(t.dataDir, `${day}T13:00:00.000Z`, ['kill-in-chunk', '3', '200']);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.out).not.toContain('not killed');
    const partial = recorded(t.dataDir);
    expect(partial).toHaveLength(400);
    expect(partial.every((r) => r.mailId !== null && r.template !== null)).toBe(true);
    expect(reminderMails(t.dataDir)).toBe(400);
    const finished = await runChild(t.dataDir, `${day}T13:00:00.000Z`);
    expect(finished.signal).toBeNull();
    expect(JSON.parse(finished.out.split('\n')[1] ?? '{}')).toEqual({ queued: owed - 400, skippedAlreadySent: 400 });
    const rows = recorded(t.dataDir);
    expect(rows).toHaveLength(owed);
    expect(new Set(rows.map((r) => `${r.personId} ${r.dueOn} ${r.offsetDays}`)).size).toBe(owed);
    expect(rows.every((r) => r.mailId !== null)).toBe(true);
    expect(reminderMails(t.dataDir)).toBe(owed);
  }, 120_000);

  it('queues each reminder once when two runs overlap (two processes on one data folder)', async () => {
    const { t } = await certifiedCore(3000);
    await closeCore(t);
    const day = '2027-12-20T13:00:00.000Z';
    const [a, b] = await Promise.all([runChild(t.dataDir, day), runChild(t.dataDir, day)]);
    const queued = [a, b].map((r) => (JSON.parse(r.out.split('\n')[1] ?? '{}') as { queued: number }).queued);
    const rows = recorded(t.dataDir);
    expect(queued[0]! + queued[1]!).toBe(rows.length);
    expect(new Set(rows.map((r) => `${r.personId} ${r.dueOn} ${r.offsetDays}`)).size).toBe(rows.length);
    expect(reminderMails(t.dataDir)).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
  }, 120_000);
});
