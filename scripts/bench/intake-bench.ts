import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { median, timeAsync, timeSync, type BenchRow } from './bench-types';

const ROWS = Number(process.env.BENCH_INTAKE_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_INTAKE_ROUNDS ?? 5);
const NOW = '2026-11-28T15:00:00.000Z';
const AGENCIES = ['River City Outreach', 'Delta Recovery Services', 'Capitol Family Shelter', 'Midtown Youth Center', 'Valley Hope Navigation'];
const LEVELS = ['Read Only', 'DSS w/ Assessments', 'Program Manager', 'Services Only', 'Reporting and Monitoring Only'];
const HEADER = ['Timestamp', 'Email Address', 'New User First Name', 'New User Last Name', 'New User Email', 'Phone Number', 'Agency Name', 'Access Level Requested', 'Request Type', 'Supervisor Name', 'Supervisor Email'];
const FIRST = ['María José', 'Zoë', 'Luis', 'Kwame "KJ"', 'Priya', 'Hannah', 'Bao', 'Renée'];
const LAST = ['Hernández', "O'Brien", 'Pérez', 'Johnson', 'Patel', 'Okafor', 'Tran', 'Fernández'];

/** A Google Forms export of `ROWS` registrations, with the usual accents, quotes and commas. */
function registrations(): string[][] {
  return Array.from({ length: ROWS }, (_, i) => {
    const agency = AGENCIES[i % AGENCIES.length] as string;
    return [
      `${(i % 12) + 1}/${(i % 28) + 1}/2026 9:${String(i % 60).padStart(2, '0')}:00`,
      'supervisor@county.example.org',
      FIRST[i % FIRST.length] as string,
      LAST[(i * 7) % LAST.length] as string,
      `user${i}@agency${i % AGENCIES.length}.example.org`,
      `(916) 555-${String(i % 10_000).padStart(4, '0')}`,
      agency,
      LEVELS[i % LEVELS.length] as string,
      'New User',
      'Nguyen, James',
      'james.nguyen@county.example.org',
    ];
  });
}

async function freshCore(): Promise<{ core: Core; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-intake-'));
  const core = await createCore({ dataDir, clock: fixedClock(NOW), operator: 'bench' });
  for (const name of AGENCIES) await core.handlers['agencies.create']({ name });
  await core.handlers['intake.synonyms.list']({});
  return { core, dataDir };
}

async function timeImport(fileName: string, bytes: Uint8Array): Promise<number> {
  const { core, dataDir } = await freshCore();
  try {
    let imported = 0;
    const ms = await timeAsync(async () => {
      imported = (await core.handlers['intake.import']({ fileName, bytes, existing: 'update', decisions: [], createAgencies: [], dryRun: false })).imported;
    });
    if (imported !== ROWS) throw new Error(`Expected ${ROWS} imported, got ${imported}`);
    return ms;
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same people rows straight into a fresh database of the same schema, one prepared statement, one transaction. */
async function timeRawInsert(rows: string[][]): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-raw-'));
  const database = openDatabase(path.join(dataDir, 'hmis.sqlite'), NOW);
  try {
    const raw = database.sqlite;
    const agencyIds = AGENCIES.map((name) => Number(raw.prepare(`INSERT INTO agencies (name, created_at, updated_at) VALUES (?, ?, ?)`).run(name, NOW, NOW).lastInsertRowid));
    const levelIds = LEVELS.map((_, i) => Number(raw.prepare(`INSERT INTO access_levels (name, includes_assessments, training_sets, sort_order) VALUES (?, 0, '[]', ?)`).run(`Level ${i}`, i).lastInsertRowid));
    const insert = raw.prepare(
      `INSERT INTO people (first_name, last_name, email, phone, agency_id, supervisor_name, supervisor_email, access_level_id, request_type, registered_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new_user', ?, ?, ?)`,
    );
    return timeSync(() =>
      raw.transaction(() => {
        rows.forEach((r, i) => insert.run(r[2], r[3], r[4], r[5], agencyIds[i % AGENCIES.length], r[9], r[10], levelIds[i % LEVELS.length], '2026-11-28', NOW, NOW));
      })(),
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function xlsxBytes(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Form Responses 1');
  sheet.addRow(HEADER);
  sheet.addRows(rows);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function benchIntake(): Promise<BenchRow[]> {
  const rows = registrations();
  const csv = new TextEncoder().encode(`\uFEFF${Papa.unparse({ fields: HEADER, data: rows }, { newline: '\r\n' })}\r\n`);
  const xlsx = await xlsxBytes(rows);
  const ours: number[] = [];
  const raw: number[] = [];
  const excel: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    ours.push(await timeImport('registrations.csv', csv));
    raw.push(await timeRawInsert(rows));
    excel.push(await timeImport('registrations.xlsx', xlsx));
  }
  const n = ROWS.toLocaleString('en-US');
  return [
    {
      name: `intake.import ${n}-row CSV (parse, validate, one transaction)`,
      medianMs: median(ours),
      baselineMs: median(raw),
      ratio: median(ours) / median(raw),
      goal: '≤ 2 s, ratio ≤ 3',
      note: `${ROUNDS} runs; raw = better-sqlite3 prepared INSERT of the same people in one transaction; ours also writes audit, request and import-row records`,
    },
    { name: `intake.import ${n}-row XLSX`, medianMs: median(excel), goal: '≤ 4 s', note: `${ROUNDS} runs; ${(xlsx.byteLength / 1024).toFixed(0)} KB workbook` },
  ];
}
