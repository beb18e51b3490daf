import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { contract, type CallName, type Input, type Output } from '../../../shared/contract';
import { parseOrThrow } from '../../../shared/domain/zod-messages';
import type { Core } from '../create-core';

/** Calls a handler as a transport does: the input parsed by the contract first (an AppError if invalid), defaults filled in. */
export async function invoke<K extends CallName>(core: Core, name: K, input: Input<K>): Promise<Output<K>> {
  const handler = core.handlers[name] as (input: unknown) => Promise<Output<K>>;
  return handler(parseOrThrow(contract[name].input, input));
}

const FIXTURES = new URL('../../../e2e/fixtures-data/registrations/', import.meta.url);

export function fixture(name: string): { fileName: string; bytes: Uint8Array } {
  return { fileName: name, bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))) };
}

export function csvFile(fileName: string, text: string): { fileName: string; bytes: Uint8Array } {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

/** The two partner agencies the fixtures name, and Maria Garcia already on the list. */
export async function officeWithMaria(core: Core) {
  const river = await core.handlers['agencies.create']({ name: 'River City Outreach' });
  const delta = await core.handlers['agencies.create']({ name: 'Delta Recovery Services' });
  const levels = await core.handlers['accessLevels.list']({});
  // The shipped synonyms are written on first use; doing it here keeps row counts in tests about the import.
  await core.handlers['intake.synonyms.list']({});
  const level = (name: string) => {
    const found = levels.find((l) => l.name === name);
    if (!found) throw new Error(`No level ${name}`);
    return found;
  };
  const maria = await core.handlers['people.create']({
    firstName: 'Maria', lastName: 'Garcia', email: 'maria.garcia@rivercity.example.org', agencyId: river.id, accessLevelId: level('Read Only').id, requestType: 'new_user',
  });
  return { river, delta, level, maria };
}

/**
 * A Microsoft Forms export as Forms writes it: one sheet, respondent columns first, dates as
 * real date cells, an email that Excel turned into a mailto hyperlink, a rich-text name, a
 * formula cell, and an empty row at the end.
 */
export async function microsoftFormsXlsx(): Promise<{ fileName: string; bytes: Uint8Array }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'New user first name', 'New user last name', 'New user email', 'Agency', 'Access level', 'Request type', 'Supervisor name', 'Supervisor email']);
  const when = (iso: string) => new Date(`${iso}Z`);
  sheet.addRow([1, when('2026-11-16T09:00:00'), when('2026-11-16T09:04:12'), 'anonymous', '', 'Hannah', 'Okafor', 'hannah.okafor@rivercity.example.org', 'River City Outreach', 'Assessor Only', 'New user', 'James Nguyen', 'james.nguyen@rivercity.example.org']);
  sheet.addRow([2, when('2026-11-17T10:00:00'), when('2026-11-17T10:02:00'), 'anonymous', '', { richText: [{ text: 'Sof' }, { text: 'ía', font: { bold: true } }] }, 'Ramírez',
    { text: 'sofia.ramirez@deltarecovery.example.org', hyperlink: 'mailto:sofia.ramirez@deltarecovery.example.org' }, 'Delta Recovery Services', 'Read Only', 'New user', 'Ana Ruiz', 'ana.ruiz@deltarecovery.example.org']);
  sheet.addRow([3, when('2026-11-18T11:00:00'), when('2026-11-18T11:00:30'), 'anonymous', '', 'Kevin', 'Tran', 'kevin.tran@rivercity.example.org', 'River City Outreach',
    { formula: '"Read "&"Only"', result: 'Read Only' }, 'New user', '', '']);
  sheet.addRow([4, when('2026-11-19T12:00:00'), when('2026-11-19T12:00:30'), 'anonymous', '', 'Maria', 'Garcia', 'maria.garcia@rivercity.example.org', 'River City Outreach', 'Read Only', 'Deactivation', '', '']);
  sheet.addRow([]);
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: 'Registration form(1-4).xlsx', bytes: new Uint8Array(buffer as ArrayBuffer) };
}
