import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';

/** `hmis-desk import registrations` and `export people`, in-process on a fresh data folder. */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-intake-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const FIXTURES = path.resolve(import.meta.dirname, '../../../e2e/fixtures-data/registrations');

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

async function agencies() {
  await run('agencies', 'add', '--name', 'River City Outreach');
  await run('agencies', 'add', '--name', 'Delta Recovery Services');
}

describe('hmis-desk import registrations', () => {
  it('prints the counts and every invalid row by spreadsheet row; --dry-run writes nothing', async () => {
    await agencies();
    const dry = await run('import', 'registrations', path.join(FIXTURES, 'google-forms.csv'), '--dry-run', '--json');
    expect(dry.json()).toMatchObject({ imported: 4, updated: 0, duplicates: 1, dryRun: true });
    expect((await run('people', 'list', '--json')).json()).toMatchObject({ total: 0 });

    const real = await run('import', 'registrations', path.join(FIXTURES, 'google-forms.csv'), '--create-agencies', '--json');
    expect(real.code).toBe(1);
    const result = real.json();
    expect(result).toMatchObject({ imported: 5, updated: 0, duplicates: 1, agenciesCreated: ['Sunrise Supportive Housing'] });
    expect(result.invalid).toEqual([
      { row: 7, field: 'email', reason: 'Enter a complete email address, like name@agency.org.' },
      { row: 8, field: 'accessLevel', reason: expect.stringContaining('"Super Admin" is not a known access level.') },
    ]);
    const again = await run('import', 'registrations', path.join(FIXTURES, 'google-forms.csv'), '--json');
    expect(again.json()).toMatchObject({ imported: 0, updated: 0, alreadyImported: 5 });
  });

  it('refuses a file with none of the expected columns with exit code 2, and a missing file', async () => {
    const wrong = await run('import', 'registrations', path.join(FIXTURES, 'wrong-columns.csv'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('wrong-columns.csv has none of the expected columns');
    const missing = await run('import', 'registrations', path.join(FIXTURES, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no file');
    const none = await run('import', 'registrations');
    expect(none.code).toBe(2);
  });
});

describe('hmis-desk export people', () => {
  it('saves CSV and XLSX files of the (filtered) master list', async () => {
    await agencies();
    await run('import', 'registrations', path.join(FIXTURES, 'jotform.csv'));
    const csv = await run('export', 'people', '--format', 'csv', '--out', path.join(dataDir, 'list.csv'), '--json');
    expect(csv.json()).toMatchObject({ format: 'csv', rows: 4 });
    expect(readFileSync(path.join(dataDir, 'list.csv'), 'utf8')).toContain('Chávez');

    const xlsx = await run('export', 'people', '--agency', 'delta recovery services', '--out', path.join(dataDir, 'delta.xlsx'), '--json');
    expect(xlsx.json()).toMatchObject({ format: 'xlsx', rows: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dataDir, 'delta.xlsx'));
    expect(workbook.worksheets[0]?.getRow(2).getCell(3).value).toBe('bao.tran@deltarecovery.example.org');

    const bad = await run('export', 'people', '--format', 'pdf', '--out', path.join(dataDir, 'x.pdf'));
    expect(bad.code).toBe(2);
  });

  it('filters by --due, and refuses a due window it does not know', async () => {
    await agencies();
    await run('import', 'registrations', path.join(FIXTURES, 'jotform.csv'));
    // Nobody imported is certified yet, so nobody is due.
    expect((await run('export', 'people', '--due', 'next_30', '--out', path.join(dataDir, 'due.csv'), '--json')).json()).toMatchObject({ rows: 0 });
    const header = readFileSync(path.join(dataDir, 'due.csv'), 'utf8').split('\r\n')[0];
    expect(header).toContain('Certified on,Due on');
    const bad = await run('export', 'people', '--due', 'soon', '--out', path.join(dataDir, 'x.csv'));
    expect(bad.code).toBe(2);
  });
});
