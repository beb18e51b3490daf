import path from 'node:path';
import { AUDIT_ENTITIES } from '../../../shared/domain/audit';
import { callCommand, defineCommand } from '../command';
import { writeAtomically } from './export';

const verify = callCommand({
  path: ['audit', 'verify'],
  summary: 'Walk the audit trail\'s hash chain and name the first row that was altered, if any.',
  details: 'Each audit row carries the hash of the row before it. Exit code 1 means the chain is broken: the message names the row. Note the newest hash it prints; a later verify that ends on it shows nothing before it changed.',
  options: {},
  examples: ['hmis-desk audit verify', 'hmis-desk audit verify --json'],
  call: 'audit.verify',
  human: (result) => result.message,
  exitCode: (result) => (result.ok ? 0 : 1),
});

const exportAudit = defineCommand({
  path: ['audit', 'export'],
  summary: 'Save the audit trail (optionally filtered) as a CSV file, one row per entry with its sentence.',
  options: {
    out: { type: 'string', value: 'FILE', help: 'Where to save the CSV', required: true },
    from: { type: 'string', value: 'YYYY-MM-DD', help: 'Only entries on or after this day (UTC)' },
    to: { type: 'string', value: 'YYYY-MM-DD', help: 'Only entries on or before this day (UTC)' },
    entity: { type: 'string', value: 'ENTITY', help: `Only entries about: ${AUDIT_ENTITIES.join(', ')}` },
    action: { type: 'string', value: 'ACTION', help: 'Only this action, e.g. person.updated' },
    operator: { type: 'string', value: 'NAME', help: 'Only entries by this operator' },
  },
  examples: ['hmis-desk audit export --from 2026-01-01 --to 2026-12-31 --out audit-2026.csv'],
  async run(v, ctx) {
    const filters = { from: v.from, to: v.to, entity: v.entity, action: v.action, operator: v.operator };
    const file = await ctx.call('audit.export', { filters: Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) });
    const out = path.resolve(v.out);
    writeAtomically(out, file.bytes);
    return { json: { file: out, rows: file.rows }, human: `Saved ${file.rows.toLocaleString('en-US')} audit ${file.rows === 1 ? 'entry' : 'entries'} to ${out}.` };
  },
});

export const auditCommands = [verify, exportAudit];
