import type { ParsedInput } from '../../../shared/contract';
import { ROSTER_FINDING_LABELS, type RosterPreview, type RosterReport } from '../../../shared/domain/roster';
import type { CoreContext } from '../context';
import { toCsv } from '../intake/export/export-format';
import { readTable } from '../intake/read-table';
import { neutralizeCell } from '../../../shared/reports/spreadsheet-cells';
import { assertCheckable, describeRosterColumns, resolveRosterColumns } from './roster-columns';
import { matchRoster } from './roster-match';
import { toRosterRows } from './roster-rows';
import { sampleRosterRows, SAMPLE_HEADERS } from './roster-sample';
import { loadRosterPeople } from './roster.repo';

type Source = ParsedInput<'roster.check'>;

const PREVIEW_ROWS = 20;
const CSV = 'text/csv;charset=utf-8';
const REPORT_HEADERS = ['Finding', 'Detail', 'Row', 'HMIS user name', 'Name in the HMIS', 'Email in the HMIS', 'Agency in the HMIS', 'Access level in the HMIS', 'Status', 'Last login', 'Person here', 'Person id'];

const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '');

async function readRoster(source: Source) {
  const table = await readTable(source.fileName, source.bytes);
  const resolved = resolveRosterColumns(table.headers, source.columns);
  assertCheckable(source.fileName, table.headers, resolved.fields);
  return { table, resolved, rows: toRosterRows(table, resolved.fields) };
}

function reportCells(report: RosterReport): string[][] {
  return report.lines.map((l) => {
    const r = l.rosterRow;
    const cells = [ROSTER_FINDING_LABELS[l.kind], l.detail, r ? String(r.row) : '', r?.userName ?? '', r?.name ?? '', r?.email ?? '', r?.agency ?? '', r?.accessLevel ?? '', r?.status ?? '', r?.lastLogin ?? '', l.personName ?? '', l.personId ? String(l.personId) : ''];
    return cells.map(neutralizeCell);
  });
}

/** The roster check reads a user export and the master list, and writes nothing. */
export function createRosterService(ctx: CoreContext) {
  const check = async (source: Source): Promise<RosterReport> => {
    const { rows } = await readRoster(source);
    const people = await loadRosterPeople(ctx.db, ctx.clock.today());
    return matchRoster(source.fileName, people, rows);
  };
  return {
    check,
    async preview(source: Source): Promise<RosterPreview> {
      const { table, resolved, rows } = await readRoster(source);
      return { fileName: source.fileName, format: table.format, columns: describeRosterColumns(table, resolved), rows: rows.slice(0, PREVIEW_ROWS), totalRows: rows.length };
    },
    async exportFindings(source: Source) {
      const report = await check(source);
      return { fileName: `${baseName(source.fileName)} findings.csv`, contentType: CSV, bytes: toCsv(REPORT_HEADERS, reportCells(report)), rows: report.lines.length };
    },
    async sample() {
      const today = ctx.clock.today();
      const rows = sampleRosterRows(await loadRosterPeople(ctx.db, today), today);
      return { fileName: `Sample HMIS user export ${today}.csv`, contentType: CSV, bytes: toCsv(SAMPLE_HEADERS, rows.map((r) => r.map(neutralizeCell))), rows: rows.length };
    },
  };
}
