import { describe, expect, it } from 'vitest';
import { csvCell, neutralizeCell, unneutralizeCell, xlsxCell } from './spreadsheet-cells';

describe('spreadsheet cells', () => {
  it('neutralises CSV text a spreadsheet would run, and only that', () => {
    expect(['=SUM(A1)', '+1', '-x', '@cmd', '\tx', 'Ana', "'=a"].map(neutralizeCell)).toEqual(["'=SUM(A1)", "'+1", "'-x", "'@cmd", "'\tx", 'Ana', "''=a"]);
    expect(unneutralizeCell("''=a")).toBe("'=a");
  });

  it('writes report numbers as digits in CSV (a negative number is not a formula) and empty for none', () => {
    expect([csvCell(-18), csvCell(66.7), csvCell(null), csvCell('=HYPERLINK("x")')]).toEqual(['-18', '66.7', '', `'=HYPERLINK("x")`]);
  });

  it('leaves XLSX values exactly as they are: typed cells never run, so no apostrophe', () => {
    expect([xlsxCell('=HYPERLINK("x")'), xlsxCell(-18), xlsxCell(null), xlsxCell(undefined)]).toEqual(['=HYPERLINK("x")', -18, null, null]);
  });
});
