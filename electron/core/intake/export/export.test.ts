import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, Input } from '../../../../shared/contract';
import { seedCertifiedPeople } from '../../recert/test-support/certified-people';
import { basics, tempCore, type TempCore } from '../../test-support/temp-core';
import { fixture, invoke, officeWithMaria } from '../intake-test-support';
import { decodeText, readCsv } from '../read-table';
import { neutralizeCell, unneutralizeCell } from '../../../../shared/reports/spreadsheet-cells';
import { EXPORT_COLUMNS, toCsv } from './export-format';

const HEADERS = EXPORT_COLUMNS.map((c) => c.header);
const FORMULA = /^[=+\-@\t\r]/;

describe('neutralising formulas (property)', () => {
  it('never leaves a cell that a spreadsheet would run, and is exactly reversible', () => {
    const risky = fc.oneof(fc.string(), fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "'=").chain((p) => fc.string().map((s) => p + s)));
    fc.assert(
      fc.property(risky, (value) => {
        const cell = neutralizeCell(value);
        expect(FORMULA.test(cell)).toBe(false);
        expect(unneutralizeCell(cell)).toBe(value);
        if (!FORMULA.test(value) && !value.startsWith("'")) expect(cell).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV export round trip (property)', () => {
  it('reads back every cell exactly: commas, quotes, line breaks, accents, formulas', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('=1+1', '-5', '@SUM(A1)', 'a,b', 'say "hi"', 'two\r\nlines', 'Zoë Chávez', ' padded '));
    const row = fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }).filter((r) => r.some((c) => c.trim() !== ''));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const bytes = toCsv(HEADERS, rows.map((r) => r.map(neutralizeCell)));
        const table = readCsv('export.csv', decodeText(bytes));
        expect(table.headers).toEqual(HEADERS);
        expect(table.rows.map((r) => r.cells.map(unneutralizeCell))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('people.export', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await tempCore();
  });
  afterEach(() => t.dispose());
  const call = <K extends CallName>(name: K, input: Input<K>) => invoke(t.core, name, input);

  it('writes the filtered master list as CSV for Excel: BOM, CRLF, neutralised cells', async () => {
    const { delta } = await officeWithMaria(t.core);
    await call('intake.import', fixture('jotform.csv'));
    const all = await call('people.export', { format: 'csv' });
    expect(all).toMatchObject({ fileName: 'hmis-master-list-2026-11-28.csv', contentType: 'text/csv;charset=utf-8', rows: 4 });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(all.bytes);
    expect(text.startsWith('\uFEFFFirst name,Last name,Email,')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const deltaOnly = await call('people.export', { format: 'csv', agencyId: delta.id });
    expect(deltaOnly.rows).toBe(1);
    expect(readCsv('x.csv', decodeText(deltaOnly.bytes)).rows[0]?.cells.slice(0, 3)).toEqual(['Bao', 'Tran', 'bao.tran@deltarecovery.example.org']);
  });

  it('writes XLSX with the same cells, all text, none a formula, and no apostrophe added', async () => {
    await officeWithMaria(t.core);
    await call('intake.import', fixture('jotform.csv'));
    const file = await call('people.export', { format: 'xlsx', search: 'tran' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Master list');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADERS]);
    const notes = sheet?.getRow(2).getCell(HEADERS.indexOf('Notes') + 1);
    expect(notes?.type).toBe(ExcelJS.ValueType.String);
    expect(notes?.value).toBe(`=HYPERLINK("http://evil.example","click")`);
    expect(notes?.formula).toBeUndefined();
  });

  it('imports back unchanged: an exported list is a valid registrations file', async () => {
    await officeWithMaria(t.core);
    await call('intake.import', fixture('jotform.csv'));
    const exported = await call('people.export', { format: 'csv' });
    const preview = await call('intake.preview', { fileName: exported.fileName, bytes: exported.bytes });
    expect(preview.missingFields).toEqual([]);
    expect(preview.rows.map((r) => r.verdict)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('carries "Certified on" and "Due on", and the master list\'s "Due" filter', async () => {
    const { agency, level } = await basics(t.core);
    // Today is 2026-11-28: the first is due in 4 days, the second next autumn.
    seedCertifiedPeople(t.dataDir, 2, (i) => ['2025-12-02', '2026-10-01'][i] as string, agency.id, level.id);
    const all = readCsv('all.csv', decodeText((await call('people.export', { format: 'csv', sort: 'recertDueOn' })).bytes));
    const dates = all.rows.map((r) => [r.cells[HEADERS.indexOf('Certified on')], r.cells[HEADERS.indexOf('Due on')]]);
    expect(dates).toEqual([
      ['2025-12-02', '2026-12-02'],
      ['2026-10-01', '2027-10-01'],
    ]);
    const soon = await call('people.export', { format: 'xlsx', due: 'next_30' });
    expect(soon.rows).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(soon.bytes) as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('Master list')?.getRow(2);
    expect([row?.getCell(HEADERS.indexOf('Certified on') + 1).value, row?.getCell(HEADERS.indexOf('Due on') + 1).value]).toEqual(['2025-12-02', '2026-12-02']);
  });
});
