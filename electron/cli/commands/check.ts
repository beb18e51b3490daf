import { defineCommand } from '../command';

const check = defineCommand({
  path: ['check'],
  summary: 'Check the database for damage. Prints "ok", or the problems found.',
  details: 'Safe to run at any time, also while the app is open. Exit code 1 means problems were found: make a backup copy of the data folder and call your administrator.',
  options: {},
  async run(_v, ctx) {
    const report = await ctx.checkIntegrity();
    return {
      json: report,
      human: report.ok ? 'ok' : ['Problems found:', ...report.problems.map((p) => `  - ${p}`)].join('\n'),
      exitCode: report.ok ? 0 : 1,
    };
  },
});

export const checkCommands = [check];
