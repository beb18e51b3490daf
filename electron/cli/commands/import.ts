import path from 'node:path';
import { MAX_IMPORT_BYTES, type ImportResult } from '../../../shared/domain/intake';
import { defineCommand } from '../command';
import { readInputFile } from '../input-file';
import { formatTable } from '../output';

const REGISTRATIONS_LIMIT = {
  maxBytes: MAX_IMPORT_BYTES,
  tooLarge: (mb: number) => `The file is ${mb} MB, larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB a registrations export can be; split it or export fewer columns.`,
};

function human(result: ImportResult, newAgencies: string[]): string {
  const lines = [result.message];
  if (result.invalid.length) lines.push('', formatTable(['Row', 'Field', 'Problem'], result.invalid.map((p) => [String(p.row), p.field, p.reason])));
  const notCreated = newAgencies.filter((name) => !result.agenciesCreated.includes(name));
  if (notCreated.length) lines.push('', `Not on the agency list: ${notCreated.join('; ')}. Add --create-agencies to add them, or correct the file.`);
  if (result.possibleDuplicates) lines.push('', `${result.possibleDuplicates} new ${result.possibleDuplicates === 1 ? 'person has' : 'people have'} the same name as someone at their agency: review them under possible duplicates.`);
  return lines.join('\n');
}

const registrations = defineCommand({
  path: ['import', 'registrations'],
  summary: 'Import a CSV or XLSX export of the registration form (Google Forms, Jotform, Microsoft Forms, Excel).',
  details:
    'Columns are guessed from their headers unless --mapping names a mapping saved in the app. Rows are numbered as a spreadsheet shows them ' +
    '(the header is row 1). People already on the list (same email) are updated unless --skip-existing; importing the same rows again changes nothing. ' +
    'Agencies not on the list are only added with --create-agencies. Exit code 1 when some rows could not be imported.',
  options: {
    file: { type: 'string', value: 'FILE', help: 'The CSV or XLSX file', required: true, positional: true },
    mapping: { type: 'string', value: 'NAME', help: 'Use the column mapping saved under this name' },
    'dry-run': { type: 'boolean', help: 'Check everything and report, but write nothing' },
    'skip-existing': { type: 'boolean', help: 'Leave people already on the list as they are' },
    'create-agencies': { type: 'boolean', help: 'Add agencies the file names that are not on the list yet' },
  },
  examples: ['import registrations "Registrations (Responses).csv" --dry-run', 'import registrations responses.xlsx --mapping "County form" --json'],
  async run(v, ctx) {
    const source = { fileName: path.basename(v.file), bytes: await readInputFile(v.file, REGISTRATIONS_LIMIT), mappingName: v.mapping };
    const preview = await ctx.call('intake.preview', source);
    const newAgencies = preview.newAgencies.map((a) => a.name);
    const result = await ctx.call('intake.import', {
      ...source,
      dryRun: v['dry-run'] === true,
      existing: v['skip-existing'] ? 'skip' : 'update',
      createAgencies: v['create-agencies'] ? newAgencies : [],
    });
    const { imported, updated, duplicates, invalid, ...rest } = result;
    return { json: { imported, updated, duplicates, invalid, ...rest }, human: human(result, newAgencies), exitCode: invalid.length ? 1 : 0 };
  },
});

export const importCommands = [registrations];
