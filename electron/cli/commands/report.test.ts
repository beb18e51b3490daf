import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { createCore } from '../../core/create-core';
import { reportOffice } from '../../core/reports/test-support/report-office';
import { runCli } from '../run-cli';

/** `hmis-desk report …`, in-process, on a data folder holding the reports' known-answer office. */
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-cli-report-'));
  const core = await createCore({ dataDir, clock: fixedClock('2026-11-28T15:00:00.000Z'), operator: 'test.operator' });
  await reportOffice(core, dataDir);
  await core.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr };
}

describe('hmis-desk report', () => {
  it('saves a report as XLSX with the filters, and says what it wrote as JSON', async () => {
    const out = path.join(dataDir, 'compliance.xlsx');
    const result = await run('report', 'compliance', '--agency', 'river city outreach', '--out', out, '--json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ file: out, report: 'compliance', format: 'xlsx', rows: 3, pages: null });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(book.getWorksheet('By agency')?.getRow(2).values).toEqual([undefined, 'River City Outreach', 3, 2, 66.7, 1, 1, 0]);
  });

  it('writes the printable page with --format html and a PDF through Chromium with --format pdf', async () => {
    const html = path.join(dataDir, 'status.html');
    expect((await run('report', 'status', '--format', 'html', '--out', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<h1>Onboarding status</h1>');
    const pdf = path.join(dataDir, 'pending.pdf');
    const result = await run('report', 'pending', '--out', pdf);
    expect(result.stdout).toBe(`Saved the Pending documents report (4 rows, 1 page) to ${pdf}.\n`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('refuses an unknown format and a date range a report cannot apply, in sentences', async () => {
    const bad = await run('report', 'status', '--format', 'docx', '--out', 'x.docx');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"docx" is not a report format. Use one of: csv, xlsx, html, pdf.');
    const dated = await run('report', 'compliance', '--from', '2026-01-01', '--out', path.join(dataDir, 'c.csv'));
    expect(dated.stderr).toContain('has no date range: it counts as of today');
  });

  it('saves one pack per agency into a folder', async () => {
    const folder = path.join(dataDir, 'packs');
    const result = await run('report', 'packs', '--out', folder);
    expect(result.code).toBe(0);
    // The CLI runs on the real clock: the date in the names is today's.
    expect(readdirSync(folder).sort().map((f) => f.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual(['Delta Recovery HMIS pack DATE.pdf', 'River City Outreach HMIS pack DATE.pdf']);
    expect(result.stdout).toContain(`Saved 2 agency packs to ${folder}.`);
  }, 120_000);

  it("says in --help that PDF uses Debian's Chromium where Electron is absent", async () => {
    const help = await run('report', 'status', '--help');
    expect(help.stdout).toContain("Debian's /usr/bin/chromium");
    expect(help.stdout).toContain('--format csv|xlsx|html|pdf');
  });
});
