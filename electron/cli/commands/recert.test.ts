import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../shared/calendar-date';
import { systemClock } from '../../core/clock';
import { seedCertifiedPeople } from '../../core/recert/test-support/certified-people';
import { parseIcs } from '../../core/recert/test-support/parse-ics';
import { runCli } from '../run-cli';

/** `hmis-desk recert remind | due | ics`, in-process on a fresh data folder, on the real date (the CLI's clock). */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-recert-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}

/** Two agencies: at Delta one person due in 7 days and one in 100, at Harbor House one due in 30. */
async function certifiedOffice() {
  const today = systemClock().today();
  expect((await run('agencies', 'add', '--name', 'Delta Recovery Services')).code).toBe(0);
  expect((await run('agencies', 'add', '--name', 'Harbor House')).code).toBe(0);
  const agencies = (await run('agencies', 'list', '--json')).json<{ id: number; name: string }[]>();
  const levels = (await run('levels', 'list', '--json')).json<{ id: number }[]>();
  const idOf = (name: string) => agencies.find((a) => a.name === name)?.id as number;
  const level = levels[0]?.id as number;
  const certifiedFor = (dueIn: number) => addMonths(addDays(today, dueIn), -12);
  const dueIn = [7, 100];
  seedCertifiedPeople(dataDir, 2, (i) => certifiedFor(dueIn[i] as number), idOf('Delta Recovery Services'), level);
  seedCertifiedPeople(dataDir, 1, () => certifiedFor(30), idOf('Harbor House'), level, 'harbor');
  return { today };
}

describe('hmis-desk recert', () => {
  it('remind --json prints { queued, skippedAlreadySent, byOffset, held }; a second run, and a dry run after it, queue nothing', async () => {
    await certifiedOffice();
    const dry = await run('recert', 'remind', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json()).toEqual({ queued: 2, skippedAlreadySent: 0, byOffset: { '-30': 1, '-7': 1 }, held: 0 });
    const real = await run('recert', 'remind', '--json');
    expect(real.json()).toEqual({ queued: 2, skippedAlreadySent: 0, byOffset: { '-30': 1, '-7': 1 }, held: 0 });
    expect((await run('recert', 'remind', '--json')).json()).toEqual({ queued: 0, skippedAlreadySent: 2, byOffset: {}, held: 0 });
    const human = await run('recert', 'remind', '--dry-run');
    expect(human.stdout).toContain('Would queue 0 messages; 2 already sent.');
    expect((await run('mail', 'status', '--json')).json<{ counts: Record<string, number> }>().counts).toMatchObject({ queued: 2 });
  });

  it('due --within DAYS --json prints { total, items } soonest first', async () => {
    const { today } = await certifiedOffice();
    const within30 = await run('recert', 'due', '--within', '30', '--json');
    expect(within30.code, within30.stderr).toBe(0);
    const json = within30.json<{ total: number; items: { name: string; dueOn: string; daysLeft: number; agencyName: string }[] }>();
    expect(Object.keys(json)).toEqual(['total', 'items']);
    expect(json.total).toBe(2);
    expect(json.items).toMatchObject([
      { dueOn: addDays(today, 7), daysLeft: 7, agencyName: 'Delta Recovery Services' },
      { dueOn: addDays(today, 30), daysLeft: 30, agencyName: 'Harbor House' },
    ]);
    expect((await run('recert', 'due', '--within', '120', '--json')).json<{ total: number }>().total).toBe(3);
    const bad = await run('recert', 'due', '--within', 'soon');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--within');
  });

  it('ics --out FILE [--agency NAME] saves an iCalendar file that parses, with each due date as an all-day event', async () => {
    const { today } = await certifiedOffice();
    const out = path.join(dataDir, 'due.ics');
    const saved = await run('recert', 'ics', '--out', out, '--json');
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.json()).toEqual({ file: out, events: 3 });
    const events = parseIcs(readFileSync(out, 'utf8'));
    expect(events.map((e) => [e.start, e.allDay]).sort()).toEqual([[addDays(today, 7), true], [addDays(today, 30), true], [addDays(today, 100), true]]);
    const harborFile = path.join(dataDir, 'harbor.ics');
    const harbor = await run('recert', 'ics', '--out', harborFile, '--agency', 'harbor house', '--json');
    expect(harbor.json()).toMatchObject({ events: 1 });
    expect(parseIcs(readFileSync(harborFile, 'utf8'))).toMatchObject([{ start: addDays(today, 30), summary: 'Recertification due: Pat harborPerson00000 (Harbor House)' }]);
    const unknown = await run('recert', 'ics', '--out', path.join(dataDir, 'x.ics'), '--agency', 'Nowhere');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Nowhere');
  });
});
