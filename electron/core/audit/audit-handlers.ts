import { auditSentences, type AuditNames } from '../../../shared/audit-sentence';
import type { Handlers } from '../../../shared/contract';
import type { AuditEntry, AuditFilters } from '../../../shared/domain/audit';
import type { CoreContext } from '../context';
import { toCsv } from '../intake/export/export-format';
import { neutralizeCell } from '../../../shared/reports/spreadsheet-cells';
import { auditFilterOptions, auditNameLists, auditRows, listAudit } from './audit-viewer.repo';
import { verifyAuditChain } from './verify-chain';

const CSV_HEADERS = ['Row', 'When (UTC)', 'Operator', 'Action', 'Entity', 'Entity id', 'What happened', 'Note', 'Before', 'After'];

async function namesFor(ctx: CoreContext): Promise<AuditNames> {
  const lists = await auditNameLists(ctx.db);
  const byId = <T extends { id: number }>(rows: T[], value: (row: T) => string) => {
    const map = new Map(rows.map((row) => [row.id, value(row)]));
    return (id: number) => map.get(id);
  };
  return { agencyName: byId(lists.agencies, (a) => a.name), accessLevelName: byId(lists.levels, (l) => l.name), quizTitle: byId(lists.quizzes, (q) => q.title) };
}

function csvRow(entry: AuditEntry, names: AuditNames): string[] {
  const { sentences, noteUsed } = auditSentences(entry, names);
  const cells = [String(entry.id), entry.at, entry.operator, entry.action, entry.entity, entry.entityId === null ? '' : String(entry.entityId), sentences.join(' '), noteUsed ? '' : (entry.note ?? ''), entry.before ? JSON.stringify(entry.before) : '', entry.after ? JSON.stringify(entry.after) : ''];
  // A note or a name typed on a form must never run as a formula in Excel.
  return cells.map(neutralizeCell);
}

async function exportCsv(ctx: CoreContext, filters: AuditFilters) {
  const names = await namesFor(ctx);
  const rows: string[][] = [];
  for await (const page of auditRows(ctx.db, filters)) rows.push(...page.map((entry) => csvRow(entry, names)));
  const span = filters.from || filters.to ? `${filters.from ?? 'start'}-to-${filters.to ?? ctx.clock.today()}` : ctx.clock.today();
  return { fileName: `hmis-audit-${span}.csv`, contentType: 'text/csv', bytes: toCsv(CSV_HEADERS, rows), rows: rows.length };
}

/** The audit trail's calls: verify the chain, the viewer's pages and filter lists, and the CSV export. */
export function createAuditHandlers(ctx: CoreContext): Pick<Handlers, 'audit.verify' | 'audit.list' | 'audit.filterOptions' | 'audit.export'> {
  return {
    'audit.verify': () => verifyAuditChain(ctx.db),
    'audit.list': (input) => listAudit(ctx.db, input.filters, input.offset, input.limit),
    'audit.filterOptions': () => auditFilterOptions(ctx.db),
    'audit.export': (input) => exportCsv(ctx, input.filters),
  };
}
