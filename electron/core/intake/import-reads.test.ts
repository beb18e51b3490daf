import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract/events';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { csvFile, invoke, officeWithMaria } from './intake-test-support';

const ROWS = 10_000;

/** A Google Forms export of `ROWS` new registrations at River City Outreach. */
function registrations(): { fileName: string; bytes: Uint8Array } {
  const lines = ['New User First Name,New User Last Name,New User Email,Agency Name,Access Level Requested,Request Type'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`Ann${i},Lee${i},user${i}@rivercity.example.org,River City Outreach,Read Only,New User`);
  return csvFile('registrations.csv', lines.join('\n'));
}

let t: TempCore;
/** Runs once, at the first progress event the import emits from inside its transaction. */
let duringWrite: (() => void) | null = null;
let progress: EventPayload<'progress'>[] = [];

beforeEach(async () => {
  progress = [];
  t = await tempCore({
    emit: (event, payload) => {
      if (event !== 'progress') return;
      progress.push(payload as EventPayload<'progress'>);
      if ((payload as EventPayload<'progress'>).label !== 'Importing registrations') return;
      const run = duringWrite;
      duringWrite = null;
      run?.();
    },
  });
});
afterEach(() => t.dispose());

const importAll = (file: ReturnType<typeof registrations>) => invoke(t.core, 'intake.import', { ...file, existing: 'update', decisions: [], createAgencies: [], dryRun: false });

describe('a 10,000-row import does not hold the other calls', () => {
  it('reads issued mid-import finish before it and see the list as it was; a write waits, then succeeds; afterwards every row is there', async () => {
    const { maria } = await officeWithMaria(t.core);
    const order: string[] = [];
    const calls: Promise<unknown>[] = [];
    duringWrite = () => {
      calls.push(invoke(t.core, 'people.get', { id: maria.id }).then((p) => (order.push('people.get'), p)));
      calls.push(invoke(t.core, 'people.list', {}).then((l) => (order.push('people.list'), l)));
      calls.push(invoke(t.core, 'agencies.create', { name: 'Late Agency' }).then((a) => (order.push('agencies.create'), a)));
    };
    const result = await importAll(registrations()).then((r) => (order.push('intake.import'), r));
    const [person, list, agency] = await Promise.all(calls);

    expect(result.imported).toBe(ROWS);
    expect(order.slice(2)).toEqual(['intake.import', 'agencies.create']);
    expect(order.slice(0, 2).sort()).toEqual(['people.get', 'people.list']);
    expect(person).toMatchObject({ id: maria.id, email: 'maria.garcia@rivercity.example.org' });
    expect(list).toMatchObject({ total: 1 });
    expect(agency).toMatchObject({ name: 'Late Agency' });
    expect((await invoke(t.core, 'people.list', {})).total).toBe(ROWS + 1);
  });

  it('reports its progress as it checks and as it writes, up to every row', async () => {
    await officeWithMaria(t.core);
    await importAll(registrations());
    const writing = progress.filter((p) => p.label === 'Importing registrations');
    expect(writing.length).toBeGreaterThanOrEqual(ROWS / 500);
    expect(writing.at(-1)).toMatchObject({ job: 'intake.import', done: ROWS, total: ROWS });
    expect(progress.filter((p) => p.label === 'Checking registrations.csv').at(-1)).toMatchObject({ done: ROWS, total: ROWS });
  });

  it('stays all-or-nothing: a row refused halfway through leaves no person, batch or audit row behind', async () => {
    await officeWithMaria(t.core);
    // A trigger from another connection makes SQLite refuse row 5,000 when the writer reaches it.
    const side = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'));
    side.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON people WHEN NEW.email = 'user5000@rivercity.example.org' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    side.close();
    let readMidway: Promise<{ total: number }> | null = null;
    duringWrite = () => (readMidway = invoke(t.core, 'people.list', {}));

    await expect(importAll(registrations())).rejects.toThrow(/refused for the test/);
    expect(await readMidway).toMatchObject({ total: 1 });
    expect((await invoke(t.core, 'people.list', {})).total).toBe(1);
    const check = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'), { readonly: true });
    const count = (table: string) => (check.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect({ batches: count('import_batches'), rows: count('import_rows'), registered: (check.prepare(`SELECT count(*) AS n FROM audit WHERE note LIKE '%registrations.csv%'`).get() as { n: number }).n }).toEqual({ batches: 0, rows: 0, registered: 0 });
    check.close();
  });
});
