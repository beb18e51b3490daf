import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, readCsv } from '../intake/read-table';
import { call } from '../quizzes/test-support/training-kit';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { pdfPages } from './test-support/pdf-text';
import { reportOffice } from './test-support/report-office';

let t: TempCore;
let office: Awaited<ReturnType<typeof reportOffice>>;
beforeAll(async () => {
  t = await tempCore();
  office = await reportOffice(t.core, t.dataDir);
  await call(t.core, 'mail.settings.save', { officeName: 'Sacramento County HMIS Office' });
});
afterAll(() => t.dispose());

async function sheets(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('reports.export', () => {
  it('writes the same numbers as the run, section by section, as CSV for Excel', async () => {
    const run = await call(t.core, 'reports.run', { id: 'compliance', filters: {} });
    const file = await call(t.core, 'reports.export', { id: 'compliance', format: 'csv' });
    expect(file).toMatchObject({ fileName: 'hmis-compliance-report-2026-11-28.csv', contentType: 'text/csv;charset=utf-8', rows: 5 });
    const lines = readCsv('r.csv', decodeText(file.bytes));
    const all = [lines.headers, ...lines.rows.map((r) => r.cells)];
    const agencyHeader = all.findIndex((l) => l[0] === 'Agency' && l[1] === 'Active users');
    expect(all.slice(agencyHeader + 1, agencyHeader + 3)).toEqual(run.sections[0]?.rows.map((r) => [r.agency, r.active, r.current, r.currentPct, r.due30, r.overdue, r.lapsed].map(String)));
    expect(all).toContainEqual(['Current', '50']);
  });

  it('writes XLSX with a sheet a section, numbers as numbers, and text exactly as typed', async () => {
    const file = await call(t.core, 'reports.export', { id: 'pending', format: 'xlsx' });
    const book = await sheets(file.bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Missing forms', 'Waiting for review', 'Rejected']);
    const rejected = book.getWorksheet('Rejected');
    expect(rejected?.getRow(1).values).toEqual([undefined, 'Name', 'Agency', 'Form', 'Rejected on', 'Days', 'Why']);
    expect(rejected?.getRow(2).values).toEqual([undefined, 'Cara Rejected', 'River City Outreach', 'Staff Verification for HMIS Access', '2026-11-10', 18, 'Missing signature; Page 2 unsigned']);
  });

  it('neutralises a formula typed into a name in CSV, and leaves it as plain text in XLSX', async () => {
    await call(t.core, 'people.update', { id: office.ids.ana, changes: { firstName: '=HYPERLINK("http://evil.example","x")' } });
    const csv = new TextDecoder().decode((await call(t.core, 'reports.export', { id: 'pending', format: 'csv' })).bytes);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"") Awaiting"`);
    const cell = (await sheets((await call(t.core, 'reports.export', { id: 'pending', format: 'xlsx' })).bytes)).getWorksheet('Missing forms')?.getRow(3).getCell(1);
    expect(cell?.value).toBe('=HYPERLINK("http://evil.example","x") Awaiting');
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('reports.html', () => {
  it('is a standalone printable page: office, title, filters, who and when, repeated headers, the chart', async () => {
    const page = await call(t.core, 'reports.html', { id: 'status', filters: { agencyId: office.river } });
    expect(page).toMatchObject({ fileName: 'hmis-status-report-2026-11-28.html', landscape: true });
    expect(page.html).toMatch(/^<!doctype html>/);
    expect(page.html).toContain('Sacramento County HMIS Office');
    expect(page.html).toContain('<h1>Onboarding status</h1>');
    expect(page.html).toContain('Agency: River City Outreach');
    expect(page.html).toContain('by test.operator');
    expect(page.html).toContain('size: Letter landscape');
    expect(page.html).toContain('thead { display: table-header-group; }');
    expect(page.html).toContain('tr { break-inside: avoid;');
    expect(page.html).toContain('<svg class="chart" role="img" aria-label="People by stage"');
    expect(page.html).not.toMatch(/<script/i);
    expect(page.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });
});

describe('reports.pdf (Debian Chromium)', () => {
  it('prints the page to a US Letter PDF with the office, the numbers and "Page 1 of 1"', async () => {
    const pdf = await call(t.core, 'reports.pdf', { id: 'compliance', filters: {} });
    expect(pdf).toMatchObject({ fileName: 'hmis-compliance-report-2026-11-28.pdf', contentType: 'application/pdf', pages: 1 });
    const [text] = await pdfPages(pdf.bytes);
    expect(text).toContain('Sacramento County HMIS Office');
    expect(text).toContain('Recertification compliance');
    expect(text).toContain('River City Outreach');
    expect(text).toContain('66.7%');
    expect(text).toContain('Page 1 of 1');
  }, 60_000);
});

describe('reports.agencyPacks', () => {
  it('writes one PDF per agency and queues the pack to each manager with an email, saying who has none', async () => {
    const result = await call(t.core, 'reports.agencyPacks', { email: true });
    expect(result.folder).toBe(path.join(t.dataDir, 'agency-packs', '2026-11-28'));
    expect(result.packs.map((p) => [p.agencyName, p.fileName, p.people, p.queuedTo])).toEqual([
      ['Delta Recovery', 'Delta Recovery HMIS pack 2026-11-28.pdf', 3, null],
      ['River City Outreach', 'River City Outreach HMIS pack 2026-11-28.pdf', 6, 'dana.whitfield@rivercity.example.org'],
    ]);
    expect(result.notEmailed).toEqual([{ agencyName: 'Delta Recovery', reason: "Delta Recovery has no contact email, so its pack was saved but not emailed. Add the manager's email on the agency." }]);
    const river = result.packs[1];
    const pages = await pdfPages(new Uint8Array(readFileSync(river?.path ?? '')));
    expect(pages.join(' ')).toContain('Recertification compliance');
    expect(pages.join(' ')).toContain('Onboarding status');
    expect(pages.join(' ')).not.toContain('Gus Lapsed');
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);

    const outbox = await call(t.core, 'mail.list', {});
    const mail = outbox.items.find((m) => m.template === 'agency_pack');
    expect(mail).toMatchObject({ subject: 'HMIS status for River City Outreach, November 28, 2026' });
    const full = await call(t.core, 'mail.get', { id: mail?.id ?? 0 });
    expect(full.attachments).toEqual([expect.objectContaining({ fileName: 'River City Outreach HMIS pack 2026-11-28.pdf', contentType: 'application/pdf' })]);
    expect(full.text).toContain('Active HMIS users: 3 (66.7% current)');
  }, 120_000);

  it('refuses an agency that does not exist, and writes nothing', async () => {
    const folder = path.join(t.dataDir, 'none');
    await expect(call(t.core, 'reports.agencyPacks', { folder, agencyIds: [999] })).rejects.toThrow('There is no agency number 999');
    expect(existsSync(path.join(folder, 'River City Outreach HMIS pack 2026-11-28.pdf'))).toBe(false);
  });
});
