import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/app-error';
import { STAGES } from '../../../shared/workflow';
import { PERSON_DUE_FILTERS } from '../../../shared/domain/person';
import { defineCommand, findByName } from '../command';

/** Written beside the target and renamed, so a scheduled export never leaves half a file for Excel to open. */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'EBUSY' || code === 'EPERM' ? ' Close it in Excel and try again.' : '';
    throw new AppError('invalid', `${file} cannot be written (${code ?? 'unknown error'}).${hint}`, [{ field: 'out', message: 'The file cannot be written.' }]);
  }
}

const people = defineCommand({
  path: ['export', 'people'],
  summary: 'Save the master list (optionally filtered) as a CSV or XLSX file.',
  details: 'Cells starting with = + - @ are prefixed with an apostrophe so a spreadsheet never runs them as formulas.',
  options: {
    format: { type: 'string', value: 'csv|xlsx', help: 'File format (default: from the --out file name, else csv)' },
    out: { type: 'string', value: 'FILE', help: 'Where to save the file', required: true },
    search: { type: 'string', value: 'TEXT', help: 'Only people found by this search' },
    agency: { type: 'string', value: 'AGENCY', help: 'Only people of this agency' },
    level: { type: 'string', value: 'LEVEL', help: 'Only people with this access level' },
    stage: { type: 'string', value: 'STAGE', help: `Only people at this stage (${STAGES.join(', ')})` },
    due: { type: 'string', value: 'WHEN', help: `Only people whose recertification is due: ${PERSON_DUE_FILTERS.join(', ')}` },
  },
  examples: ['export people --format xlsx --out master-list.xlsx', 'export people --agency "River City Outreach" --out river-city.csv --json', 'export people --due next_30 --out due-this-month.xlsx'],
  async run(v, ctx) {
    const agencies = v.agency === undefined ? undefined : await ctx.call('agencies.list', {});
    const levels = v.level === undefined ? undefined : await ctx.call('accessLevels.list', {});
    const format = v.format ?? (path.extname(v.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
    const file = await ctx.call('people.export', {
      format,
      search: v.search,
      stage: v.stage,
      due: v.due,
      sort: v.due === undefined ? undefined : 'recertDueOn',
      agencyId: agencies && v.agency !== undefined ? findByName(agencies, v.agency, { label: 'agency', plural: 'agencies', field: 'agency' }).id : undefined,
      accessLevelId: levels && v.level !== undefined ? findByName(levels, v.level, { label: 'access level', plural: 'access levels', field: 'level' }).id : undefined,
    });
    const out = path.resolve(v.out);
    writeAtomically(out, file.bytes);
    return { json: { file: out, format, rows: file.rows }, human: `Saved ${file.rows.toLocaleString('en-US')} ${file.rows === 1 ? 'person' : 'people'} to ${out}.` };
  },
});

export const exportCommands = [people];
