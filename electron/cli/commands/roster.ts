import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../shared/domain/intake';
import { ROSTER_FINDING_LABELS, ROSTER_FINDINGS, type RosterReport } from '../../../shared/domain/roster';
import { defineCommand } from '../command';
import { readInputFile } from '../input-file';
import { formatTable } from '../output';

const ROSTER_LIMIT = {
  maxBytes: MAX_IMPORT_BYTES,
  tooLarge: (mb: number) => `The file is ${mb} MB, larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB a user export can be; export fewer columns.`,
};

function human(report: RosterReport): string {
  const accounts = `${report.rows.toLocaleString('en-US')} ${report.rows === 1 ? 'account' : 'accounts'}`;
  if (report.lines.length === 0) return `${accounts} checked against ${report.certifiedPeople.toLocaleString('en-US')} certified people: nothing to fix.`;
  const counts = ROSTER_FINDINGS.filter((k) => report.counts[k]).map((k) => `${ROSTER_FINDING_LABELS[k]}: ${report.counts[k]}`);
  const rows = report.lines.map((l) => [ROSTER_FINDING_LABELS[l.kind], l.rosterRow ? String(l.rosterRow.row) : '', l.rosterRow?.userName ?? '', l.personName ?? '', l.detail]);
  return [...counts, '', formatTable(['Finding', 'Row', 'User name', 'Person', 'Detail'], rows)].join('\n');
}

const check = defineCommand({
  path: ['roster', 'check'],
  summary: "Compare the HMIS vendor's user export (CSV or XLSX) with the master list.",
  details:
    'Accounts are matched by HMIS user name, then email, then name and agency (a probable match). Lists accounts active in the HMIS with no certified ' +
    'person here (to deactivate), certified people with no account, and differences of name, email, agency or access level. Writes nothing. ' +
    'Exit code 1 when there are findings.',
  options: {
    file: { type: 'string', value: 'FILE', help: 'The user export, CSV or XLSX', required: true, positional: true },
  },
  examples: ['roster check "Clarity users.xlsx"', 'roster check users.csv --json'],
  async run(v, ctx) {
    const report = await ctx.call('roster.check', { fileName: path.basename(v.file), bytes: await readInputFile(v.file, ROSTER_LIMIT) });
    return { json: { counts: report.counts, lines: report.lines }, human: human(report), exitCode: report.lines.length ? 1 : 0 };
  },
});

export const rosterCommands = [check];
