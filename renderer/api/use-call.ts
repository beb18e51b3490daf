import {
  queryOptions,
  useMutation,
  useQuery,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { AppError } from '../../shared/app-error';
import type { CallName, Input, Output } from '../../shared/contract';
import { call } from './call';

export type CallKey<K extends CallName> = readonly [K, unknown];

const byteTokens = new WeakMap<Uint8Array, number>();
let nextToken = 0;

/**
 * File bytes in an input (previews of a chosen file) stand in the key as a token for that very
 * array: hashing megabytes on every render would be slow, and the same file is the same key.
 */
function keyValue(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input ?? null;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value instanceof Uint8Array) {
      if (!byteTokens.has(value)) byteTokens.set(value, ++nextToken);
      out[field] = { bytes: byteTokens.get(value) };
    } else out[field] = value;
  }
  return out;
}

/** Every query is keyed by its call name and input: the name is what `changed` events are matched on. */
export function callKey<K extends CallName>(name: K, input?: Input<K>): CallKey<K> {
  return [name, keyValue(input)] as const;
}

type QueryExtras<K extends CallName, T> = Omit<UseQueryOptions<Output<K>, AppError, T, CallKey<K>>, 'queryKey' | 'queryFn'>;

/** The options of a query on one call; for `useQuery`, `useQueries`, `fetchQuery` and tests alike. */
export function callQuery<K extends CallName, T = Output<K>>(name: K, input: Input<K>, extras?: QueryExtras<K, T>) {
  return queryOptions<Output<K>, AppError, T, CallKey<K>>({ queryKey: callKey(name, input), queryFn: () => call(name, input), ...extras });
}

/**
 * Server data for a component: `const { data, error } = useCall('people.get', { id })`. The error
 * is an AppError whose sentence the component shows where the data would be.
 */
export function useCall<K extends CallName, T = Output<K>>(name: K, input: Input<K>, extras?: QueryExtras<K, T>) {
  return useQuery(callQuery(name, input, extras));
}

export interface CallMutationOptions<K extends CallName> extends Omit<UseMutationOptions<Output<K>, AppError, Input<K>>, 'mutationFn' | 'meta'> {
  /** The form shows the error (under its inputs, in its alert); otherwise a notification does. */
  errorShownInPlace?: boolean;
  /** The notification's title when it shows the error. */
  errorTitle?: string;
}

/**
 * A write: `const update = useCallMutation('people.update'); await update.mutateAsync(input)`
 * resolves to the call's value. What it changed comes back through the core's `changed` event.
 */
export function useCallMutation<K extends CallName>(name: K, options: CallMutationOptions<K> = {}) {
  const { errorShownInPlace, errorTitle, ...rest } = options;
  return useMutation<Output<K>, AppError, Input<K>>({
    mutationKey: [name] as QueryKey,
    mutationFn: (input) => call(name, input),
    meta: { errorShownInPlace, errorTitle },
    ...rest,
  });
}
