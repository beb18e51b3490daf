import { parseArgs } from 'node:util';
import { AppError } from '../../shared/app-error';
import { commandName, type CliCommand, type OptionSpecs, type OptionValue } from './command';

/** Flags every command takes. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  'data-dir': { type: 'string', value: 'FOLDER', help: 'Use the data in FOLDER instead of the usual place (or set HMIS_DATA_DIR).' },
  json: { type: 'boolean', help: 'Print one JSON document on standard output, for scripts.' },
  help: { type: 'boolean', short: 'h', help: 'Show how to use the command.' },
};

type Parsed =
  | { kind: 'help'; command?: CliCommand; group?: string; json: boolean }
  | { kind: 'run'; command: CliCommand; values: OptionValue; dataDir?: string; json: boolean };

const GLOBAL_SWITCHES = new Set(['--json', '--help', '-h']);

/**
 * The words naming the command: those before its first own flag. Global flags may come first
 * (`--data-dir X people list`), so they are stepped over rather than ending the scan.
 */
function commandWords(args: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--data-dir') i += 1;
    else if (GLOBAL_SWITCHES.has(arg) || arg.startsWith('--data-dir=')) continue;
    else if (arg.startsWith('-')) break;
    else words.push(arg);
  }
  return words;
}

function findCommand(commands: readonly CliCommand[], words: readonly string[]): CliCommand | undefined {
  const matching = commands.filter((c) => c.path.every((word, i) => words[i] === word));
  return matching.sort((a, b) => b.path.length - a.path.length)[0];
}

function unknownCommand(words: readonly string[], commands: readonly CliCommand[]): AppError {
  const list = commands.map((c) => `  ${commandName(c)}`).join('\n');
  return new AppError('invalid', `There is no command "${words.join(' ')}". The commands are:\n${list}\nAdd --help to any of them to see how it works.`);
}

/** Turns node:util's parse errors into sentences that name the command's own help. */
function parseError(error: unknown, command: CliCommand): AppError {
  const code = (error as { code?: string }).code;
  const flag = /'(-{1,2}[^'\s]+)/.exec(String((error as Error).message))?.[1] ?? 'an option';
  const help = `See: npm run cli -- ${commandName(command)} --help`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new AppError('invalid', `"${commandName(command)}" has no option ${flag}. ${help}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = command.options[flag.replace(/^-+/, '')] ?? GLOBAL_OPTIONS[flag.replace(/^-+/, '')];
    const takesValue = spec?.type === 'string';
    return new AppError('invalid', takesValue ? `${flag} needs a value, like ${flag} ${spec?.value ?? 'TEXT'}. ${help}` : `${flag} takes no value. ${help}`);
  }
  return new AppError('invalid', `${String((error as Error).message)} ${help}`);
}

function missingRequired(command: CliCommand, values: Record<string, unknown>): AppError | null {
  const isEmpty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  const missing = Object.entries(command.options).filter(([name, spec]) => spec.required && isEmpty(values[name]));
  if (missing.length === 0) return null;
  const flags = missing.map(([name, spec]) => `--${name} ${spec.value ?? ''}`.trim());
  const fields = missing.map(([name, spec]) => ({ field: name, message: `Required: ${spec.help}` }));
  return new AppError('invalid', `"${commandName(command)}" needs ${flags.join(', ')}. See: npm run cli -- ${commandName(command)} --help`, fields);
}

export function parseCommandLine(args: readonly string[], commands: readonly CliCommand[]): Parsed {
  const json = args.includes('--json');
  const words = commandWords(args);
  const wantsHelp = args.includes('--help') || args.includes('-h');
  const command = findCommand(commands, words);
  if (!command) {
    const isGroup = words.length === 1 && commands.some((c) => c.path[0] === words[0]);
    if (words.length === 0 || isGroup) return { kind: 'help', group: words[0], json };
    throw unknownCommand(words, commands);
  }
  if (wantsHelp) return { kind: 'help', command, json };
  const options = Object.fromEntries(
    Object.entries({ ...GLOBAL_OPTIONS, ...command.options }).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseError(error, command);
  }
  const extra = parsed.positionals.slice(command.path.length);
  const values = parsed.values as OptionValue;
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.positional && spec.rest) values[name] = [...(typeof values[name] === 'string' ? [values[name]] : []), ...extra.splice(0)];
    else if (spec.positional && values[name] === undefined && extra.length) values[name] = extra.shift();
  }
  if (extra.length) throw new AppError('invalid', `"${commandName(command)}" does not take "${extra.join(' ')}". Put text with spaces in quotes. See: npm run cli -- ${commandName(command)} --help`);
  const missing = missingRequired(command, values);
  if (missing) throw missing;
  return { kind: 'run', command, values, dataDir: values['data-dir'] as string | undefined, json };
}
