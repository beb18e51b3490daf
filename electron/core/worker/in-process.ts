import type { Handlers } from '../../../shared/contract';
import { dispatch, type DispatchFn } from '../../../shared/contract/dispatch';

/** Results are checked against the contract everywhere but a production build (see dispatch.ts). */
export const outputChecksByDefault = (): boolean => process.env.NODE_ENV !== 'production';

/**
 * The core's dispatch on the caller's own thread: for tests and the host fixture, where a worker
 * would only add start-up time. The app and `npm run serve` use startCoreWorker instead.
 */
export function inProcessDispatch(core: { handlers: Handlers }, log: (message: string, error: unknown) => void = (message, error) => console.error(message, error)): DispatchFn {
  return (name, rawInput) =>
    dispatch(core.handlers, name, rawInput, { checkOutput: outputChecksByDefault(), onInternalError: (call, error) => log(`The call "${call}" failed inside the core:`, error) });
}
