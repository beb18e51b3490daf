import { plural } from '../../../shared/plural';
import { defineCommand } from '../command';
import type { FileStoreReport } from '../../core/files/file-check';

function fileStoreLines(files: FileStoreReport, repair: boolean): string[] {
  const lines = [`File store: ${plural(files.checked, 'file', 'files')} named by records checked against their hashes.`];
  const extra = [files.orphans ? plural(files.orphans, 'stored file', 'stored files') + ' that no record names' : '', files.leftovers ? plural(files.leftovers, 'unfinished temp file', 'unfinished temp files') + ' (files/tmp/*.part)' : ''].filter(Boolean);
  if (extra.length) lines.push(`Left over after a crash: ${extra.join(' and ')}.`);
  if (repair) lines.push(`Removed ${plural(files.removed, 'leftover file', 'leftover files')} older than an hour${files.removed < files.orphans + files.leftovers ? '; younger ones are kept in case another program is still writing them' : ''}.`);
  else if (extra.length) lines.push('Run "check --repair" to remove those older than an hour.');
  return lines;
}

const check = defineCommand({
  path: ['check'],
  summary: 'Check the database and the file store for damage. Prints "ok", or the problems found.',
  details:
    'Checks SQLite (integrity and foreign keys) and the file store: every file a record names is present and matches its hash; files no record names and unfinished temp files are counted. Safe to run at any time, also while the app is open. Exit code 1 means problems were found: make a backup copy of the data folder and call your administrator.',
  options: {
    repair: { type: 'boolean', help: 'Also remove files no record names and unfinished temp files older than an hour (never a file a record names).' },
  },
  examples: ['hmis-desk check', 'hmis-desk check --repair --json'],
  async run(values, ctx) {
    const database = await ctx.checkIntegrity();
    const files = await ctx.checkFiles({ repair: values.repair === true });
    const ok = database.ok && files.ok;
    const problems = [...database.problems, ...files.problems];
    const human = [ok ? 'ok' : 'Problems found:', ...problems.map((p) => `  - ${p}`), ...fileStoreLines(files, values.repair === true)].join('\n');
    return { json: { ok, problems, database, files }, human, exitCode: ok ? 0 : 1 };
  },
});

export const checkCommands = [check];
