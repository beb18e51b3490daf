import { AppError } from '../../../shared/app-error';
import { CALL_NAMES, type Handlers } from '../../../shared/contract';
import type { DispatchFn } from '../../../shared/contract/dispatch';

/**
 * The contract's handlers, each a dispatch to the core worker that throws the envelope's AppError:
 * for code that arranges data as a caller would (e2e fixtures, screenshots, benchmarks).
 */
export function handlersOver(dispatch: DispatchFn): Handlers {
  const entries = CALL_NAMES.map((name) => [
    name,
    async (input: unknown) => {
      const envelope = await dispatch(name, input);
      if (!envelope.ok) throw AppError.from(envelope.error);
      return envelope.value;
    },
  ]);
  return Object.fromEntries(entries) as Handlers;
}
