import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../test-support/temp-core';
import type { CallName, Input } from '../../../shared/contract';
import { fixture, invoke, microsoftFormsXlsx, officeWithMaria } from './intake-test-support';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const call = <K extends CallName>(name: K, input: Input<K>) => invoke(t.core, name, input);
const verdicts = (rows: { row: number; verdict: string }[]) => Object.fromEntries(rows.map((r) => [r.row, r.verdict]));
const list = () => t.core.handlers['people.list']({ sort: 'name', direction: 'asc', offset: 0, limit: 100 });

describe('Google Forms export (BOM, CRLF, quoted commas and quotes, accents, blank trailing lines)', () => {
  it('previews a verdict for every row, numbered as the spreadsheet shows them', async () => {
    await officeWithMaria(t.core);
    const preview = await call('intake.preview', fixture('google-forms.csv'));
    expect(preview.format).toBe('csv');
    expect(preview.missingFields).toEqual([]);
    expect(preview.columns.find((c) => c.header === 'New User Email')).toMatchObject({ field: 'email', source: 'guess' });
    expect(verdicts(preview.rows)).toEqual({ 2: 'new', 3: 'new', 4: 'new', 5: 'new', 6: 'duplicate', 7: 'invalid', 8: 'invalid', 9: 'new' });
    const [first, second, third] = preview.rows;
    expect(first).toMatchObject({ firstName: 'María José', lastName: 'Hernández', accessLevel: 'Direct Service Staff with Assessments', registeredOn: '2026-11-03' });
    expect(second).toMatchObject({ lastName: "O'Brien" });
    expect(third).toMatchObject({ firstName: 'Kwame "KJ"' });
    expect(preview.rows.find((r) => r.row === 6)).toMatchObject({ duplicateOfRow: 5 });
    expect(preview.rows.find((r) => r.row === 7)?.problems).toEqual([{ field: 'email', reason: 'Enter a complete email address, like name@agency.org.' }]);
    expect(preview.rows.find((r) => r.row === 8)?.problems[0]?.reason).toMatch(/^"Super Admin" is not a known access level\. Known levels: Agency Manager, Program Manager, .*Reporting & Monitoring Only\./);
    expect(preview.newAgencies).toEqual([{ name: 'Sunrise Supportive Housing', rows: 1 }]);
    expect((await list()).total).toBe(1);
  });

  it('imports the accepted rows, creating only the agencies the user confirmed', async () => {
    await officeWithMaria(t.core);
    const refused = await call('intake.import', { ...fixture('google-forms.csv') });
    expect(refused).toMatchObject({ imported: 4, updated: 0, duplicates: 1, agenciesCreated: [] });
    expect(refused.invalid).toContainEqual({ row: 9, field: 'agency', reason: expect.stringContaining('"Sunrise Supportive Housing" is not on the agency list') });
    const confirmed = await call('intake.import', { ...fixture('google-forms.csv'), createAgencies: ['Sunrise Supportive Housing'] });
    expect(confirmed).toMatchObject({ imported: 1, alreadyImported: 4, agenciesCreated: ['Sunrise Supportive Housing'] });
    const people = await list();
    expect(people.items.map((p) => p.email)).toContain('priya.patel@sunrisesh.example.org');
    const kj = people.items.find((p) => p.email === 'kj.johnson@deltarecovery.example.org');
    const history = await t.core.handlers['people.history']({ id: kj?.id ?? 0 });
    expect(history[0]).toMatchObject({ action: 'person.registered', operator: 'test.operator', note: 'Registered from google-forms.csv row 4' });
  });
});

describe('Jotform export (full names, "Nov 3, 2026" dates, synonyms, a formula in a note)', () => {
  it('updates a person on the list by email in any case, flags the same name with another email', async () => {
    const { maria, level } = await officeWithMaria(t.core);
    const preview = await call('intake.preview', fixture('jotform.csv'));
    expect(verdicts(preview.rows)).toEqual({ 2: 'new', 3: 'new', 4: 'new', 5: 'update', 6: 'invalid' });
    expect(preview.rows[0]).toMatchObject({ firstName: 'Rosa', lastName: 'Chávez', registeredOn: '2026-11-10' });
    expect(preview.rows[1]).toMatchObject({ agency: 'Delta Recovery Services', accessLevel: 'Reporting & Monitoring Only' });
    expect(preview.rows[2]?.possibleDuplicates).toEqual([{ personId: maria.id, row: null, name: 'Maria Garcia', email: maria.email }]);
    expect(preview.rows[3]).toMatchObject({ existingPersonId: maria.id, opensRequest: 'change_access' });
    expect(preview.rows[3]?.changes).toEqual(
      expect.arrayContaining([{ field: 'phone', before: null, after: '(916) 555-0199' }, { field: 'accessLevel', before: 'Read Only', after: 'Program Manager' }]),
    );
    expect(preview.rows[4]?.problems[0]).toMatchObject({ field: 'requestType' });

    const result = await call('intake.import', fixture('jotform.csv'));
    expect(result).toMatchObject({ imported: 3, updated: 1, possibleDuplicates: 1, invalid: [{ row: 6, field: 'requestType' }] });
    const updated = await t.core.handlers['people.get']({ id: maria.id });
    expect(updated).toMatchObject({ accessLevelId: level('Program Manager').id, requestType: 'change_access', email: maria.email });
    const requests = await call('requests.list', { personId: maria.id });
    expect(requests.items[0]).toMatchObject({ type: 'change_access', status: 'open', accessLevelName: 'Program Manager', previousAccessLevelName: 'Read Only' });
    const bao = (await list()).items.find((p) => p.lastName === 'Tran');
    expect(bao?.notes).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('skips a person on the list when the user chooses skip for that row', async () => {
    const { maria } = await officeWithMaria(t.core);
    const result = await call('intake.import', { ...fixture('jotform.csv'), decisions: [{ row: 5, action: 'skip' }] });
    expect(result).toMatchObject({ imported: 3, updated: 0, duplicates: 1 });
    expect(await t.core.handlers['people.get']({ id: maria.id })).toMatchObject({ accessLevelName: 'Read Only', phone: null });
  });
});

describe('Microsoft Forms export (XLSX: date cells, hyperlink email, rich text, formula)', () => {
  it('reads the cells as shown and opens a deactivation request for a person on the list', async () => {
    const { maria } = await officeWithMaria(t.core);
    const file = await microsoftFormsXlsx();
    const preview = await call('intake.preview', file);
    expect(preview).toMatchObject({ format: 'xlsx', sheet: 'Sheet1', missingFields: [] });
    expect(verdicts(preview.rows)).toEqual({ 2: 'new', 3: 'new', 4: 'new', 5: 'update' });
    expect(preview.rows[0]).toMatchObject({ registeredOn: '2026-11-16', accessLevel: 'Assessor Only' });
    expect(preview.rows[1]).toMatchObject({ firstName: 'Sofía', email: 'sofia.ramirez@deltarecovery.example.org' });
    expect(preview.rows[3]).toMatchObject({ opensRequest: 'deactivation' });
    await call('intake.import', file);
    const queue = await call('requests.list', { type: 'deactivation', status: 'active' });
    expect(queue.items.map((r) => r.personId)).toEqual([maria.id]);
    const toDeactivate = await t.core.handlers['people.list']({ stage: 'deactivation_requested', sort: 'name', direction: 'asc', offset: 0, limit: 10 });
    expect(toDeactivate.items.map((p) => p.id)).toEqual([maria.id]);
  });
});

describe('Excel master list (Windows-1252, MM/DD/YY, rows of empty commas)', () => {
  it('keeps accents, reads two-digit years, refuses Feb 30 and names the file mangled', async () => {
    await officeWithMaria(t.core);
    const preview = await call('intake.preview', fixture('excel-master-list.csv'));
    expect(preview.rows).toHaveLength(4);
    expect(preview.rows[0]).toMatchObject({ verdict: 'new', firstName: 'Jürgen', lastName: 'Müller', registeredOn: '2026-03-02', accessLevel: 'Program Manager' });
    expect(preview.rows[1]).toMatchObject({ verdict: 'new', firstName: 'Renée', requestType: 'additional_agency', registeredOn: '2025-12-31' });
    expect(preview.rows[2]).toMatchObject({ verdict: 'invalid', problems: [{ field: 'registeredOn', reason: '"02/30/26" is not a date. Use a date like 11/3/2026 or 2026-11-03.' }] });
    expect(preview.rows[3]).toMatchObject({ verdict: 'invalid', problems: [{ field: 'firstName' }, { field: 'lastName' }] });
  });
});
