import type { CallName, Input, Output } from '../../shared/contract';
import { getApi } from './client';

/** `call('people.get', { id })` is `api.people.get({ id })`: the query layer works by call name. */
export function call<K extends CallName>(name: K, input: Input<K>): Promise<Output<K>> {
  const dot = name.indexOf('.');
  const domain = (getApi() as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[name.slice(0, dot)];
  const fn = domain?.[name.slice(dot + 1)];
  if (!fn) throw new Error(`The client has no call ${name}.`);
  return fn(input) as Promise<Output<K>>;
}
