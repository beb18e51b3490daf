import { AppError, type ErrorCode } from '../../shared/app-error';
import type { CallName, Output } from '../../shared/contract';
import { dispatch } from '../../shared/contract/dispatch';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { createCore, type Core } from '../core/create-core';
import { resolveDataDir } from '../core/data-dir';
import type { CliCommand, CommandContext, CommandResult, OptionValue } from './command';
import { commandHelp, overviewHelp } from './help';
import { createProgressReporter, errorDocument, printError, printJson, type Writable } from './output';
import { parseCommandLine } from './parse';
import { COMMANDS } from './registry';

interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

/** Codes a script can branch on: 2 means "fix what you typed", 1 means "something else went wrong". */
const EXIT_FOR_CODE: Record<ErrorCode, number> = {
  invalid: 2,
  duplicate: 2,
  not_found: 1,
  conflict: 1,
  unauthorized: 1,
  internal: 1,
};

// The office worker gets the plain sentence; the details go to stderr for whoever fixes it.
const writeDetails = (stderr: Writable, error: unknown) => stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);

function toAppError(error: unknown, stderr: Writable): AppError {
  if (error instanceof AppError) return error;
  writeDetails(stderr, error);
  return AppError.from(error);
}

function coreOpener(dataDir: string | undefined, io: CliIo, json: boolean) {
  let opened: Promise<Core> | undefined;
  const report = createProgressReporter(io.stderr);
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (event !== 'progress' || json) return;
    const progress = payload as EventPayload<'progress'>;
    report(progress.label, progress.done, progress.total);
  };
  return {
    open: () => (opened ??= createCore({ dataDir: resolveDataDir(dataDir, io.env), emit, documents: { sweepOnStart: false } })),
    async close() {
      if (opened) await (await opened).close();
    },
  };
}

/** Every call of a command goes through dispatch, so a command line is checked like a form or a request. */
function commandContext(open: () => Promise<Core>, io: CliIo, json: boolean, dataDir: string): CommandContext {
  return {
    json,
    dataDir,
    env: io.env,
    async call<K extends CallName>(name: K, input: unknown): Promise<Output<K>> {
      const envelope = await dispatch((await open()).handlers, name, input, (_name, error) => writeDetails(io.stderr, error));
      if (!envelope.ok) throw AppError.from(envelope.error);
      return envelope.value as Output<K>;
    },
    checkIntegrity: async () => (await open()).checkIntegrity(),
    checkFiles: async (options) => (await open()).checkFiles(options),
  };
}

async function runCommand(command: CliCommand, values: OptionValue, dataDir: string | undefined, io: CliIo, json: boolean): Promise<CommandResult> {
  const core = coreOpener(dataDir, io, json);
  const ctx = commandContext(core.open, io, json, resolveDataDir(dataDir, io.env));
  try {
    return await command.run(values, ctx);
  } finally {
    await core.close();
  }
}

/** hmis-desk without the process: returns the exit code, so tests can drive it in-process too. */
export async function runCli(args: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const json = args.includes('--json');
  try {
    const parsed = parseCommandLine(args, commands);
    if (parsed.kind === 'help') {
      const text = parsed.command ? commandHelp(parsed.command) : overviewHelp(commands, parsed.group);
      if (json) printJson(io.stdout, { help: text });
      else io.stdout.write(`${text}\n`);
      return 0;
    }
    const result = await runCommand(parsed.command, parsed.values, parsed.dataDir, io, json);
    if (json) printJson(io.stdout, result.json);
    else io.stdout.write(`${result.human}\n`);
    return result.exitCode ?? 0;
  } catch (caught) {
    const error = toAppError(caught, io.stderr);
    printError(io.stderr, error);
    if (json) printJson(io.stdout, errorDocument(error));
    return EXIT_FOR_CODE[error.code];
  }
}
