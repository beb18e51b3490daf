import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../../test-support/temp-core';
import { csvFile, invoke, officeWithMaria } from '../intake-test-support';
import { readTable } from '../read-table';
import { part, sheetXml, whitespaceBombSheet, workbook, workbookParts, zip } from './test-support/hostile-workbooks';

let t: TempCore;
beforeAll(async () => {
  t = await tempCore();
  await officeWithMaria(t.core);
});
afterAll(() => t.dispose());

/** Row counts of every table an import of registrations or quiz responses writes. */
function snapshot(): Record<string, number> {
  const db = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'), { readonly: true });
  try {
    const tables = ['people', 'agencies', 'audit', 'person_requests', 'import_batches', 'import_rows', 'quiz_attempts'];
    return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** The highest RSS of this process while `work` runs, above where it started, in MB. */
async function peakRssMb(work: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return (Math.max(peak, process.memoryUsage.rss()) - start) / 1024 / 1024;
}

const file = (fileName: string, bytes: Uint8Array) => ({ fileName, bytes });

/** Every call that reads a spreadsheet refuses it with the sentence, and nothing is written. */
async function expectRefusedEverywhere(fileName: string, bytes: Uint8Array, sentence: RegExp): Promise<number> {
  const before = snapshot();
  const peak = await peakRssMb(async () => {
    for (const call of ['intake.preview', 'intake.import', 'quizzes.previewResponses', 'quizzes.importResponses'] as const) {
      await expect(invoke(t.core, call, file(fileName, bytes)), call).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(sentence) });
    }
  });
  expect(snapshot()).toEqual(before);
  return peak;
}

describe('workbooks built to exhaust memory are refused before they unpack', () => {
  it('reads the small workbooks these tests build (so a refusal below is about its one fault)', async () => {
    const table = await readTable('ok.xlsx', workbook([['Email', 'First name'], ['ana@x.example.org', 'Ana']]));
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'Form1', headers: ['Email', 'First name'], rows: [{ number: 2, cells: ['ana@x.example.org', 'Ana'] }] });
  });

  it('refuses a 4 MB workbook whose sheet unpacks to 4 GiB of spaces, with memory to spare', async () => {
    const bytes = zip([...workbookParts(), whitespaceBombSheet(4095)]);
    expect(bytes.byteLength).toBeLessThan(5 * 1024 * 1024);
    const peak = await expectRefusedEverywhere('bomb.xlsx', bytes, /^bomb\.xlsx unpacks to 4,096 MB, over the 256 MB an import reads.*Split it into smaller files/);
    console.info(`4 GiB sheet, stated: peak RSS +${Math.round(peak)} MB`);
    expect(peak).toBeLessThan(256);
  });

  it('refuses one whose directory says the sheet is small while it unpacks to a gigabyte', async () => {
    const bytes = zip([...workbookParts(), whitespaceBombSheet(1024, 64 * 1024)]);
    const peak = await expectRefusedEverywhere('liar.xlsx', bytes, /^liar\.xlsx is not a well-formed Excel workbook: its contents do not match its own table of contents.*save it again as \.xlsx or \.csv/);
    console.info(`1 GiB sheet, stated 64 KB: peak RSS +${Math.round(peak)} MB`);
    expect(peak).toBeLessThan(256);
  });

  it('refuses one whose directory points outside the file', async () => {
    const bytes = workbook([['Email'], ['ana@x.example.org']]);
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.writeUInt32LE(view.length * 2, view.length - 6); // the directory's offset
    await expectRefusedEverywhere('moved.xlsx', bytes, /^moved\.xlsx is not a well-formed Excel workbook/);
  });
});

describe('spreadsheets over the limits of an import, each refused with what to do', () => {
  const rows = (n: number) => [['Email', 'First name'], ...Array.from({ length: n }, (_, i) => [`p${i}@x.example.org`, 'Ana'])];

  it('more than 50,000 rows, in a workbook and in a CSV', async () => {
    const sentence = /^(big\.xlsx|big\.csv) has more than 50,000 rows; split it into files of at most 50,000 rows and import them one after another\.$/;
    await expectRefusedEverywhere('big.xlsx', workbook(rows(50_001)), sentence);
    await expectRefusedEverywhere('big.csv', csvFile('big.csv', rows(50_001).map((r) => r.join(',')).join('\n')).bytes, sentence);
    await expect(readTable('ok.xlsx', workbook(rows(50_000)))).resolves.toMatchObject({ rows: { length: 50_000 } });
  });

  it('more than 256 columns', async () => {
    const wide = [Array.from({ length: 300 }, (_, i) => `Question ${i + 1}`)];
    await expectRefusedEverywhere('wide.xlsx', workbook(wide), /^wide\.xlsx has 300 columns, more than the 256 an import reads\. Delete the columns/);
  });

  it('a cell longer than Excel allows', async () => {
    const bytes = zip([...workbookParts(), part('xl/worksheets/sheet1.xml', sheetXml([['Email', 'Notes'], ['ana@x.example.org', 'x'.repeat(40_000)]]))]);
    await expectRefusedEverywhere('long.xlsx', bytes, /^Cell B2 of long\.xlsx holds more than 32,767 characters, more than Excel itself allows in a cell\. Shorten or clear it/);
  });
});
