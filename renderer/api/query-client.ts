import { notifications } from '@mantine/notifications';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { AppError } from '../../shared/app-error';
import type { CallName, EntityKind } from '../../shared/contract';
import { readsAny } from './call-reads';

declare module '@tanstack/react-query' {
  interface Register {
    // Every call rejects with an AppError (the client guarantees it), so `error.message` is always a sentence.
    defaultError: AppError;
    mutationMeta: { errorShownInPlace?: boolean; errorTitle?: string };
  }
}

/** How a failed write is told when its form does not show it: a red notification with the core's sentence. */
export function notifyFailure(error: unknown, title = 'That did not work'): void {
  notifications.show({ color: 'red', title, message: AppError.from(error).message });
}

/**
 * Queries are fresh until a `changed` event says otherwise: the core announces every write (and the
 * HTTP transport announces everything after a reconnect), so there is no timer and no refetch on focus.
 * Calls are not retried: a refusal is a sentence for the user, not a hiccup.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      // A failed write is never swallowed: shown by its form, or else here.
      onError: (error, _input, _context, mutation) => {
        if (!mutation.meta?.errorShownInPlace) notifyFailure(error, mutation.meta?.errorTitle);
      },
    }),
  });
}

/** Marks every query that reads a changed kind stale; those on screen load again at once. */
export function invalidateChanged(client: QueryClient, entities: readonly EntityKind[]): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => readsAny(query.queryKey[0] as CallName, entities) });
}

/** The app's one cache (tests make their own). */
export const queryClient = createQueryClient();
