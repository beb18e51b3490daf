import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, Input } from '../../../shared/contract';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { csvFile, fixture, invoke, officeWithMaria } from './intake-test-support';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const call = <K extends CallName>(name: K, input: Input<K>) => invoke(t.core, name, input);

/** Row counts of every table an import writes, to prove that nothing was written. */
function snapshot(): Record<string, number> {
  const db = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'), { readonly: true });
  try {
    const tables = ['people', 'agencies', 'audit', 'person_requests', 'import_batches', 'import_rows'];
    return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe('a file with none of the expected columns', () => {
  it('is refused with a sentence naming what was found, and nothing is written', async () => {
    await officeWithMaria(t.core);
    const before = snapshot();
    const error = { code: 'invalid', message: expect.stringMatching(/^wrong-columns\.csv has none of the expected columns \(found: "Product", "Price", "Quantity"\)/) };
    await expect(call('intake.preview', fixture('wrong-columns.csv'))).rejects.toMatchObject(error);
    await expect(call('intake.import', fixture('wrong-columns.csv'))).rejects.toMatchObject(error);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an empty file, an old .xls and a mapping with one field twice', async () => {
    await expect(call('intake.preview', csvFile('blank.csv', '\r\n\r\n'))).rejects.toMatchObject({ message: 'blank.csv has no rows. Export the form responses again and import that file.' });
    const xls = { fileName: 'old.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) };
    await expect(call('intake.preview', xls)).rejects.toMatchObject({ message: expect.stringContaining('old Excel 97–2003 workbook') });
    await expect(call('intake.preview', { ...csvFile('x.csv', 'a,b\n1,2\n'), columns: ['email', 'email'] })).rejects.toMatchObject({
      message: 'Columns A and B are both mapped to Email. Map only one of them.',
    });
  });
});

describe('mapping', () => {
  it('imports once the user maps the column the guess could not, and saves the mapping by name', async () => {
    await officeWithMaria(t.core);
    const file = fixture('e2e-registrations.csv');
    const preview = await call('intake.preview', file);
    expect(preview.columns.map((c) => c.field)).toEqual(['firstName', 'lastName', null, 'agency', 'accessLevel', 'registeredOn']);
    expect(preview.missingFields).toEqual(['email']);
    await expect(call('intake.import', file)).rejects.toMatchObject({ code: 'invalid', message: 'Map a column to Email before importing e2e-registrations.csv.' });

    const columns = preview.columns.map((c) => (c.header === 'HMIS login' ? 'email' : c.field));
    await call('intake.mappings.save', { name: 'County form', columns: preview.columns.map((c, i) => ({ header: c.header, field: columns[i] ?? null })) });
    const again = await call('intake.preview', { ...file, mappingName: 'county FORM' });
    expect(again).toMatchObject({ mappingName: 'County form', missingFields: [], counts: { new: 2 } });
    expect(again.columns[2]).toMatchObject({ field: 'email', source: 'mapping' });
    const result = await call('intake.import', { ...file, columns });
    expect(result).toMatchObject({ imported: 2, invalid: [] });
    expect(await call('intake.mappings.list', {})).toEqual([expect.objectContaining({ name: 'County form' })]);
  });

  it('learns an access level synonym the office adds', async () => {
    const { level } = await officeWithMaria(t.core);
    const synonyms = await call('intake.synonyms.list', {});
    expect(synonyms).toContainEqual({ synonym: 'DSS w/ Assessments', accessLevelId: level('Direct Service Staff with Assessments').id, accessLevelName: 'Direct Service Staff with Assessments' });
    await call('intake.synonyms.save', { synonym: 'Super Admin', accessLevelId: level('Agency Manager').id });
    const preview = await call('intake.preview', fixture('google-forms.csv'));
    expect(preview.rows.find((r) => r.row === 8)).toMatchObject({ verdict: 'new', accessLevel: 'Agency Manager' });
    await call('intake.synonyms.delete', { synonym: 'super admin' });
    expect((await call('intake.preview', fixture('google-forms.csv'))).rows.find((r) => r.row === 8)?.verdict).toBe('invalid');
  });
});

describe('importing the same registrations again', () => {
  it('changes nothing and says so, for the same file', async () => {
    await officeWithMaria(t.core);
    const first = await call('intake.import', fixture('jotform.csv'));
    expect(first.batchId).not.toBeNull();
    const before = snapshot();
    const preview = await call('intake.preview', fixture('jotform.csv'));
    expect(preview.previousImport).toMatchObject({ fileName: 'jotform.csv', operator: 'test.operator' });
    expect(preview.counts).toMatchObject({ new: 0, update: 0, already_imported: 4, invalid: 1 });
    const second = await call('intake.import', fixture('jotform.csv'));
    expect(second).toMatchObject({ imported: 0, updated: 0, alreadyImported: 4, batchId: null });
    expect(second.message).toBe('jotform.csv was already imported on 2026-11-28 by test.operator: nothing changed. 1 row has problems and was not imported.');
    expect(snapshot()).toEqual(before);
  });

  it('imports only the new rows of a cumulative export, and keeps edits made since', async () => {
    await officeWithMaria(t.core);
    const header = 'First name,Last name,Email,Agency,Access level\r\n';
    const rosa = 'Rosa,Chavez,rosa@rivercity.example.org,River City Outreach,Read Only\r\n';
    await call('intake.import', csvFile('week1.csv', header + rosa));
    const rosaId = (await call('people.list', { search: 'rosa@' })).items[0]?.id ?? 0;
    await call('people.update', { id: rosaId, changes: { lastName: 'Chávez' } });
    const result = await call('intake.import', csvFile('week2.csv', `${header}Bao,Tran,bao@rivercity.example.org,River City Outreach,Read Only\r\n${rosa}`));
    expect(result).toMatchObject({ imported: 1, updated: 0, alreadyImported: 1 });
    expect(await call('people.get', { id: rosaId })).toMatchObject({ lastName: 'Chávez' });
  });
});

describe('nothing half-written', () => {
  it('rolls back every person, agency, request and audit row when the write fails at the end', async () => {
    await officeWithMaria(t.core);
    const before = snapshot();
    const db = new BetterSqlite3(path.join(t.dataDir, 'hmis.sqlite'));
    db.exec(`CREATE TRIGGER fail_batch BEFORE INSERT ON import_batches BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    db.close();
    await expect(call('intake.import', { ...fixture('google-forms.csv'), createAgencies: ['Sunrise Supportive Housing'] })).rejects.toThrow(/disk full/);
    expect(snapshot()).toEqual(before);
  });

  it('writes nothing in a dry run but reports what would happen', async () => {
    await officeWithMaria(t.core);
    const before = snapshot();
    const result = await call('intake.import', { ...fixture('google-forms.csv'), createAgencies: ['Sunrise Supportive Housing'], dryRun: true });
    expect(result).toMatchObject({ dryRun: true, imported: 5, duplicates: 1, agenciesCreated: ['Sunrise Supportive Housing'], batchId: null });
    expect(result.invalid.map((i) => [i.row, i.field])).toEqual([[7, 'email'], [8, 'accessLevel']]);
    expect(snapshot()).toEqual(before);
  });
});
