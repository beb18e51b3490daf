import { beforeEach, describe, expect, it } from 'vitest';
import { callKey } from '../../api/use-call';
import { importInput, importSource, useImportStore } from './import-store';
import { matchesFilter, rowDetails } from './intake-words';
import { shownCounts, shownVerdict } from './shown-verdict';

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

describe('rows waiting for a new agency', () => {
  const row = (n: number, verdict: 'new' | 'update' | 'invalid', newAgency: string | null) => ({ row: n, verdict, newAgency }) as never;
  const preview = { rows: [row(2, 'new', 'Sunrise'), row(3, 'new', 'Harbor House'), row(4, 'new', null), row(5, 'invalid', 'Sunrise')], counts: { new: 3, invalid: 1 } } as never;

  it('are never counted or shown as new until their agency is ticked, and all can be ticked at once', () => {
    expect(shownCounts(preview, [])).toMatchObject({ new: 1, needs_agency: 2, invalid: 1 });
    expect(shownVerdict(row(2, 'new', 'Sunrise'), [])).toBe('needs_agency');
    expect(shownVerdict(row(2, 'new', 'Sunrise'), ['sunrise'])).toBe('new');
    expect(shownVerdict(row(5, 'invalid', 'Sunrise'), [])).toBe('invalid');
    useImportStore.getState().setCreateAgencies(['Sunrise', 'Harbor House']);
    expect(shownCounts(preview, useImportStore.getState().createAgencies)).toMatchObject({ new: 3 });
    expect(shownCounts(preview, useImportStore.getState().createAgencies).needs_agency ?? 0).toBe(0);
  });
});
