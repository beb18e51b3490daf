import type { z } from 'zod';
import { appCalls } from './app';
import { auditCalls } from './audit';
import { backupCalls } from './backups';
import { documentCalls } from './documents';
import { intakeCalls, peopleIntakeCalls, requestCalls } from './intake';
import { mailCalls } from './mail';
import { accessLevelCalls, agencyCalls, peopleCalls } from './people';
import { quizCalls } from './quizzes';
import { recertCalls } from './recert';
import { reportCalls } from './reports';
import { rosterCalls } from './roster';
import { credentialCalls, trainingCalls } from './training';

/**
 * The one contract. Every transport (IPC, HTTP, CLI) and the renderer's client are loops over this
 * object, so adding a call here is the only registration there is.
 */
export const contract = {
  ...appCalls,
  ...peopleCalls,
  ...agencyCalls,
  ...accessLevelCalls,
  ...intakeCalls,
  ...requestCalls,
  ...peopleIntakeCalls,
  ...mailCalls,
  ...documentCalls,
  ...trainingCalls,
  ...credentialCalls,
  ...quizCalls,
  ...recertCalls,
  ...rosterCalls,
  ...reportCalls,
  ...auditCalls,
  ...backupCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type Input<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives: the input after parsing, defaults filled in. */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type Output<K extends CallName> = z.output<Contract[K]['output']>;
export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => Promise<Output<K>> };

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './events';
