import { AppError, type Envelope } from '../app-error';
import { invalidInput } from '../domain/zod-messages';
import { contract, isCallName, type Handlers } from './index';

export interface DispatchOptions {
  /** Called with errors that are not AppErrors (bugs, disk errors), which the envelope hides. */
  onInternalError?: (name: string, error: unknown) => void;
  /**
   * Check the handler's result against the call's output schema. The core worker and the
   * in-process transports turn this on in development and tests (see core/worker/output-checks.ts)
   * and off in a packaged app, where a parse of every result would cost time for no user.
   */
  checkOutput?: boolean;
}

/** The shape every transport calls: the core's dispatch, in-process or across a worker. */
export type DispatchFn = (name: unknown, rawInput: unknown) => Promise<Envelope<unknown>>;

function outputProblem(name: string, detail: string, onInternalError: DispatchOptions['onInternalError']): Envelope<never> {
  onInternalError?.(name, new Error(`The result of "${name}" does not match its output schema: ${detail}`));
  return {
    ok: false,
    error: { code: 'internal', message: `The answer to "${name}" did not have the expected shape, so it was not shown. This is a problem in HMIS Access Desk; send the log to your administrator.` },
  };
}

/**
 * The transport-independent heart of IPC and HTTP: name check, input parse, call, envelope.
 * Untrusted callers reach the core only through here, so nothing unparsed ever reaches a handler.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  options: DispatchOptions | DispatchOptions['onInternalError'] = {},
): Promise<Envelope<unknown>> {
  const { onInternalError, checkOutput = false } = typeof options === 'function' ? { onInternalError: options } : options;
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'not_found', message: `There is no call named "${String(name)}".` } };
  }
  const parsed = contract[name].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toJSON() };
  let value: unknown;
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    value = await handler(parsed.data);
  } catch (error) {
    if (!(error instanceof AppError)) onInternalError?.(name, error);
    return { ok: false, error: AppError.from(error).toJSON() };
  }
  if (checkOutput) {
    const checked = contract[name].output.safeParse(value);
    if (!checked.success) return outputProblem(name, checked.error.issues.map((i) => `${i.path.join('.') || '(result)'}: ${i.message}`).join('; '), onInternalError);
  }
  return { ok: true, value };
}
