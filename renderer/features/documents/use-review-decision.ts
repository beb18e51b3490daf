import { useQueryClient } from '@tanstack/react-query';
import { callKey, useCallMutation, type CallMutationOptions } from '../../api/use-call';

/** Accept or reject: the review page shows the decided document at once, before the `changed` refresh. */
export function useReviewDecision(options: Pick<CallMutationOptions<'documents.review'>, 'errorShownInPlace' | 'errorTitle'> = {}) {
  const client = useQueryClient();
  return useCallMutation('documents.review', {
    ...options,
    onSuccess: (document) => client.setQueryData(callKey('documents.get', { id: document.id }), document),
  });
}
