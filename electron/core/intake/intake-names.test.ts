import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, Input } from '../../../shared/contract';
import { tempCore, type TempCore } from '../test-support/temp-core';
import { csvFile, invoke, officeWithMaria } from './intake-test-support';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
  await officeWithMaria(t.core);
});
afterEach(() => t.dispose());

const call = <K extends CallName>(name: K, input: Input<K>) => invoke(t.core, name, input);
const HEADER = 'First Name,Last Name,Email,Agency,Access Level\n';

describe('a name that looks like a spreadsheet formula', () => {
  it('is flagged in the preview, for each of = + - @, and still imports', async () => {
    const rows = ['=SUM(A1),Lee,a@x.org', '+Dana,Lee,b@x.org', 'Dana,-Lee,c@x.org', '@Dana,Lee,d@x.org', 'Dana,Lee-Park,e@x.org'];
    const file = csvFile('formulas.csv', HEADER + rows.map((r) => `${r},River City Outreach,Read Only`).join('\n'));
    const preview = await call('intake.preview', file);
    const warned = preview.rows.map((r) => r.warnings.map((w) => `${w.field}: ${w.reason}`));
    expect(warned).toEqual([
      ['firstName: "=SUM(A1)" looks like a spreadsheet formula. Check the name before importing.'],
      ['firstName: "+Dana" looks like a spreadsheet formula. Check the name before importing.'],
      ['lastName: "-Lee" looks like a spreadsheet formula. Check the name before importing.'],
      ['firstName: "@Dana" looks like a spreadsheet formula. Check the name before importing.'],
      [],
    ]);
    expect(preview.rows.map((r) => r.verdict)).toEqual(['new', 'new', 'new', 'new', 'new']);
  });
});
