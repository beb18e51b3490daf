import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/domain/intake';
import { createClient, setApi } from '../../api/client';
import { useImportStore } from './import-store';
import { matchesFilter, rowDetails } from './intake-words';

const calls: { call: string; input: Record<string, unknown> }[] = [];

const preview: ImportPreview = {
  fileName: 'regs.csv',
  fileSha256: 'a'.repeat(64),
  format: 'csv',
  sheet: null,
  columns: [
    { index: 0, header: 'Name', field: 'fullName', source: 'guess', samples: ['Ana Ruiz'] },
    { index: 1, header: 'HMIS login', field: null, source: 'none', samples: ['ana@x.org'] },
  ],
  missingFields: ['email'],
  rows: [],
  counts: { new: 0, update: 0, unchanged: 0, duplicate: 0, already_imported: 0, invalid: 1 },
  newAgencies: [{ name: 'Sunrise', rows: 1 }],
  accessLevels: [],
  previousImport: null,
  mappingName: null,
};

beforeEach(() => {
  calls.length = 0;
  setApi(
    createClient({
      invoke: async (call, input) => {
        calls.push({ call, input: input as Record<string, unknown> });
        if (call === 'intake.preview') return { ok: true, value: preview };
        return { ok: true, value: { imported: 1, updated: 0, duplicates: 0, unchanged: 0, alreadyImported: 0, invalid: [], agenciesCreated: ['Sunrise'], possibleDuplicates: 0, batchId: 1, dryRun: false, message: 'Imported 1 new person from regs.csv.' } };
      },
      on: () => () => {},
    }),
  );
  useImportStore.getState().reset();
});

const file = { name: 'regs.csv', arrayBuffer: async () => new TextEncoder().encode('Name,HMIS login\n').buffer } as unknown as File;

describe('import store', () => {
  it("previews the dropped file, then again with the user's mapping, and imports with their choices", async () => {
    await useImportStore.getState().chooseFile(file);
    expect(calls[0]).toMatchObject({ call: 'intake.preview', input: { fileName: 'regs.csv' } });
    expect(calls[0]?.input.columns).toBeUndefined();
    await useImportStore.getState().setColumn(1, 'email');
    expect(calls[1]?.input.columns).toEqual(['fullName', 'email']);
    useImportStore.getState().setDecision(5, 'skip');
    useImportStore.getState().setCreateAgency('Sunrise', true);
    await useImportStore.getState().runImport();
    expect(calls[2]).toMatchObject({ call: 'intake.import', input: { columns: ['fullName', 'email'], decisions: [{ row: 5, action: 'skip' }], createAgencies: ['Sunrise'] } });
    expect(useImportStore.getState().result?.message).toBe('Imported 1 new person from regs.csv.');
  });
});

describe('intake words', () => {
  it('explains a row in sentences and filters by verdict', () => {
    const dup = { row: 6, verdict: 'duplicate', problems: [], duplicateOfRow: 3, changes: [], opensRequest: null, newAgency: null, possibleDuplicates: [] } as never;
    expect(rowDetails(dup)).toEqual(['Same email as row 3.']);
    expect(matchesFilter(dup, 'other')).toBe(true);
    expect(matchesFilter(dup, 'new')).toBe(false);
  });
});
