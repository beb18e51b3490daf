import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Person } from '../../../shared/domain/person';
import { CERTIFIED_STAGES } from '../../../shared/domain/roster';
import type { Stage } from '../../../shared/workflow';
import type { Core } from '../create-core';

export interface Certified extends Person {
  userName: string;
}

/** The sample office (`demo seed`): its certified people with their HMIS user names, and someone not certified. */
export async function seededOffice(core: Core) {
  await core.handlers['demo.seed']({ people: 60 });
  // Every stage that counts as certified: the recertification stages split "active" by due date.
  const pages = await Promise.all(CERTIFIED_STAGES.map((stage) => core.handlers['people.list']({ stage: stage as Stage, sort: 'name', direction: 'asc', offset: 0, limit: 500 })));
  const people = pages.flatMap((p) => p.items).sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  const certified: Certified[] = [];
  for (const p of people) {
    const [latest] = await core.handlers['credentials.list']({ personId: p.id });
    if (latest) certified.push({ ...p, userName: latest.username });
  }
  const others = await core.handlers['people.list']({ stage: 'training_sent', sort: 'name', direction: 'asc', offset: 0, limit: 1 });
  const notCertified = others.items[0];
  if (certified.length < 8 || !notCertified) throw new Error(`demo seed gave ${certified.length} certified people`);
  return { certified, notCertified };
}

export const ROSTER_HEADER = ['User Name', 'Full Name', 'Email Address', 'Organization', 'Role', 'Account Status', 'Last Login Date'];

/** Clarity's staff list writes "Last, First". */
export const accountOf = (p: Person & { userName?: string }, change: Partial<Record<'userName' | 'email' | 'agency' | 'status', string>> = {}) => [
  change.userName ?? p.userName ?? '',
  `${p.lastName}, ${p.firstName}`,
  change.email ?? p.email.toUpperCase(),
  change.agency ?? p.agencyName,
  p.accessLevelName,
  change.status ?? 'Active',
  '2026-11-20',
];

export function csvBytes(rows: readonly string[][], header = ROSTER_HEADER): Uint8Array {
  return new TextEncoder().encode(Papa.unparse({ fields: header, data: rows.map((r) => [...r]) }));
}

export async function xlsxBytes(rows: readonly string[][], header = ROSTER_HEADER): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Users');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
