import { commandName, type CliCommand, type OptionSpecs } from './command';
import { GLOBAL_OPTIONS } from './parse';

const RUN = 'npm run cli --';

function optionLines(options: OptionSpecs): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return [flag, `${spec.help}${spec.required ? ' (required)' : ''}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`);
}

function commandList(commands: readonly CliCommand[]): string[] {
  const width = Math.max(...commands.map((c) => commandName(c).length)) + 2;
  return commands.map((c) => `  ${commandName(c).padEnd(width)}${c.summary}`);
}

/** `hmis-desk` with nothing, or a group like `people` with no command after it. */
export function overviewHelp(commands: readonly CliCommand[], group?: string): string {
  const shown = group ? commands.filter((c) => c.path[0] === group) : commands;
  return [
    'HMIS Access Desk (hmis-desk) — the master list of HMIS end users, from a terminal.',
    '',
    `Usage: ${RUN} <command> [options]`,
    '',
    'Commands:',
    ...commandList(shown),
    '',
    'Options for every command:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    `Example: ${RUN} people list --search garcia`,
    `Add --help after a command to see its options, e.g. ${RUN} people add --help`,
  ].join('\n');
}

export function commandHelp(command: CliCommand): string {
  const required = Object.entries(command.options)
    .filter(([, spec]) => spec.required)
    .map(([name, spec]) => (spec.positional ? `${spec.value ?? name.toUpperCase()}${spec.rest ? '...' : ''}` : `--${name} ${spec.value ?? ''}`.trim()));
  const hasOptional = Object.values(command.options).some((spec) => !spec.required);
  const usage = [RUN, commandName(command), ...required, ...(hasOptional ? ['[options]'] : [])].join(' ');
  const lines = [`${commandName(command)} — ${command.summary}`, '', `Usage: ${usage}`];
  if (command.details) lines.push('', command.details);
  if (Object.keys(command.options).length) lines.push('', 'Options:', ...optionLines(command.options));
  lines.push('', 'Options for every command:', ...optionLines(GLOBAL_OPTIONS));
  if (command.examples?.length) lines.push('', 'Examples:', ...command.examples.map((example) => `  ${RUN} ${example}`));
  return lines.join('\n');
}
