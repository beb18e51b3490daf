import type { Envelope } from '../../shared/app-error';
import type { CallName } from '../../shared/contract';
import { createClient, setApi } from './client';

export interface PendingCall {
  call: CallName;
  input: Record<string, unknown>;
  answer(value: unknown): void;
  refuse(code: 'invalid' | 'not_found' | 'conflict', message: string): void;
}

/**
 * Installs a client whose calls wait until the test answers them, in any order (that is how stale
 * answers are produced), and returns the calls made so far.
 */
export function pendingCalls(): PendingCall[] {
  const pending: PendingCall[] = [];
  setApi(
    createClient({
      invoke: (call, input) =>
        new Promise<Envelope<unknown>>((resolve) => {
          pending.push({
            call,
            input: (input ?? {}) as Record<string, unknown>,
            answer: (value) => resolve({ ok: true, value }),
            refuse: (code, message) => resolve({ ok: false, error: { code, message } }),
          });
        }),
      on: () => () => {},
    }),
  );
  return pending;
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
