import { AppError } from '../../shared/app-error';
import type { CallName, Input, Output } from '../../shared/contract';
import type { IntegrityReport } from '../core/db/sqlite.repo';
import type { FileStoreReport } from '../core/files/file-check';

/** One flag of a command, with what the help shows for it. */
interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder in the help, e.g. `NAME` in `--first NAME`. */
  value?: string;
  help: string;
  required?: boolean;
  /** May also be given without the flag, after the command's words: `import registrations FILE`. */
  positional?: boolean;
  /** With `positional`: takes every word left after the command's words (`documents attach FILE...`). */
  rest?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K]['rest'] extends true
    ? string[]
    : O[K]['required'] extends true ? (O[K]['type'] extends 'boolean' ? boolean : string) : (O[K]['type'] extends 'boolean' ? boolean : string) | undefined;
};

/**
 * What a command hands to a call: the typed words of a command line, not yet checked. Field names
 * are checked here; values are checked by dispatch, as for every other transport.
 */
type Unchecked<T> = T extends object ? { [P in keyof T]?: unknown } : T;
type CallInput<K extends CallName> = Unchecked<Input<K>>;

export interface CommandContext {
  /**
   * A contract call through `dispatch`: the same validation and error envelope as IPC and HTTP.
   * The core is opened on first use, so `--help` and a mistyped flag never touch the data folder.
   */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Output<K>>;
  /** `check` only: the database's own integrity check is not a contract call. */
  checkIntegrity(): Promise<IntegrityReport>;
  /** `check` only: the file store against the rows that name its files. */
  checkFiles(options: { repair: boolean }): Promise<FileStoreReport>;
  /** The data folder the command works on (resolved), without opening it. */
  dataDir: string;
  /** The environment (`--passphrase-env VAR` reads a passphrase from it, never from the command line). */
  env: NodeJS.ProcessEnv;
  json: boolean;
}

/** What a command hands back; run-cli prints `json` or `human`, never both. */
export interface CommandResult {
  json: unknown;
  human: string;
  /** 1 when the command worked but found problems (e.g. `check`). */
  exitCode?: number;
}

interface CommandSpec<O extends OptionSpecs> {
  /** The words that name it: `['people', 'add']`. */
  path: readonly string[];
  summary: string;
  /** Longer explanation for the command's own help. */
  details?: string;
  options: O;
  examples?: readonly string[];
  run(values: OptionValues<O>, ctx: CommandContext): Promise<CommandResult>;
}

/** A command's flag values as parsed: text, a switch, or every remaining word (`rest`). */
export type OptionValue = Record<string, string | boolean | string[] | undefined>;

export interface CliCommand {
  path: readonly string[];
  summary: string;
  details?: string;
  options: OptionSpecs;
  examples?: readonly string[];
  run(values: OptionValue, ctx: CommandContext): Promise<CommandResult>;
}

/** Keeps each command's flag values precisely typed, then erases the type for the registry. */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): CliCommand {
  return spec as unknown as CliCommand;
}

/** A command that passes its flags to one call and prints the answer. */
interface CallCommandSpec<O extends OptionSpecs, K extends CallName> extends Omit<CommandSpec<O>, 'run'> {
  call: K;
  /** The call's input from the flags; a call without input may leave this out. */
  input?(values: OptionValues<O>): CallInput<K> | Promise<CallInput<K>>;
  human(output: Output<K>, values: OptionValues<O>): string;
  /** What `--json` prints, when not the call's output as it is. */
  json?(output: Output<K>): unknown;
  /** 1 when the call worked but found problems. */
  exitCode?(output: Output<K>): number;
}

/** Declares a one-call command in a few lines: flags in, `dispatch`, words or JSON out. */
export function callCommand<const O extends OptionSpecs, K extends CallName>(spec: CallCommandSpec<O, K>): CliCommand {
  const { call, input, human, json, exitCode, ...command } = spec;
  return defineCommand<O>({
    ...command,
    async run(values, ctx) {
      const output = await ctx.call(call, input ? await input(values) : ({} as CallInput<K>));
      return { json: json ? json(output) : output, human: human(output, values), exitCode: exitCode?.(output) };
    },
  });
}

export const commandName = (command: Pick<CliCommand, 'path'>) => command.path.join(' ');

/** `--people 250` -> 250, refusing "250x" or "2.5" with a sentence naming the flag. */
export function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) {
    throw new AppError('invalid', `--${flag}: Enter a whole number, like 250 (you typed "${text}").`, [{ field: flag, message: 'Enter a whole number.' }]);
  }
  return Number(text.trim());
}

interface Named {
  id: number;
  name: string;
}

/**
 * Agencies and access levels are typed by name on a command line; matching ignores letter case
 * and extra spaces, and an unknown name lists the known ones rather than creating anything.
 */
export function findByName<T extends Named>(items: readonly T[], name: string, what: { label: string; plural: string; field: string; hint?: string }): T {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  const found = items.find((item) => item.name.toLowerCase() === wanted);
  if (found) return found;
  const known = items.length ? `Known ${what.plural}: ${items.map((item) => item.name).join('; ')}.` : `There are no ${what.plural} yet.`;
  const message = `No ${what.label} named "${name}" is on the list. ${known}${what.hint ? ` ${what.hint}` : ''}`;
  throw new AppError('invalid', message, [{ field: what.field, message: `No ${what.label} named "${name}".` }]);
}
