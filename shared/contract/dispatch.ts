import { AppError, type Envelope } from '../app-error';
import { invalidInput } from '../domain/zod-messages';
import { contract, isCallName, type Handlers } from './index';

/**
 * The transport-independent heart of IPC and HTTP: name check, input parse, call, envelope.
 * Untrusted callers reach the core only through here, so nothing unparsed ever reaches a handler.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  onInternalError: (name: string, error: unknown) => void = () => {},
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'not_found', message: `There is no call named "${String(name)}".` } };
  }
  const parsed = contract[name].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toJSON() };
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (!(error instanceof AppError)) onInternalError(name, error);
    return { ok: false, error: AppError.from(error).toJSON() };
  }
}
