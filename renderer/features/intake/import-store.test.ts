import { beforeEach, describe, expect, it } from 'vitest';
import { callKey } from '../../api/use-call';
import { importInput, importSource, useImportStore } from './import-store';
import { matchesFilter, rowDetails } from './intake-words';

beforeEach(() => useImportStore.getState().reset());

const file = (name = 'regs.csv') => ({ name, arrayBuffer: async () => new TextEncoder().encode('Name,HMIS login\n').buffer }) as unknown as File;

describe('import store', () => {
  it("previews the dropped file, then with the user's mapping, and imports with their choices", async () => {
    await useImportStore.getState().chooseFile(file());
    expect(importSource(useImportStore.getState())).toMatchObject({ fileName: 'regs.csv' });
    expect(importSource(useImportStore.getState())?.columns).toBeUndefined();
    useImportStore.getState().setColumn(1, 'email', ['fullName', null]);
    expect(importSource(useImportStore.getState())?.columns).toEqual(['fullName', 'email']);
    useImportStore.getState().setDecision(5, 'skip');
    useImportStore.getState().setCreateAgency('Sunrise', true);
    expect(importInput(useImportStore.getState())).toMatchObject({ columns: ['fullName', 'email'], decisions: [{ row: 5, action: 'skip' }], createAgencies: ['Sunrise'] });
  });

  it('starts a new file from nothing, and previews it anew even under the same name', async () => {
    await useImportStore.getState().chooseFile(file());
    const first = importSource(useImportStore.getState());
    useImportStore.getState().applyMapping('County form');
    useImportStore.getState().setDecision(2, 'skip');
    await useImportStore.getState().chooseFile(file());
    const second = importSource(useImportStore.getState());
    expect(useImportStore.getState()).toMatchObject({ mappingName: null, decisions: {}, result: null });
    expect(callKey('intake.preview', second ?? undefined)).not.toEqual(callKey('intake.preview', first ?? undefined));
  });
});

describe('intake words', () => {
  it('explains a row in sentences and filters by verdict', () => {
    const dup = { row: 6, verdict: 'duplicate', problems: [], duplicateOfRow: 3, changes: [], opensRequest: null, newAgency: null, possibleDuplicates: [], warnings: [] } as never;
    expect(rowDetails(dup)).toEqual(['Same email as row 3.']);
    expect(matchesFilter(dup, 'other')).toBe(true);
    expect(matchesFilter(dup, 'new')).toBe(false);
  });
});
