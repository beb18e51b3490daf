import { useShallow } from 'zustand/react/shallow';
import { useCall, useCallMutation } from '../../api/use-call';
import { responsesSource, useImportResponsesStore } from './import-responses-store';

const NO_FILE = { fileName: '', bytes: new Uint8Array() };
const MAX_SHOWN = 500;

/** The preview of the chosen file; while a decision is judged again, the previous preview of the same file stays. */
export function useResponsesPreview() {
  const source = useImportResponsesStore(useShallow((s) => responsesSource(s)));
  return useCall('quizzes.previewResponses', source ?? NO_FILE, {
    enabled: source !== null,
    placeholderData: (previous, previousQuery) => (previous && (previousQuery?.queryKey[1] as { fileName?: string }).fileName === source?.fileName ? previous : undefined),
  });
}

export function useGradeResponses() {
  return useCallMutation('quizzes.importResponses', { errorShownInPlace: true, onSuccess: (result) => useImportResponsesStore.getState().setResult(result) });
}

/** The graded attempts as they are now ("Send results" marks them sent). */
export function useGradedAttempts() {
  const result = useImportResponsesStore((s) => s.result);
  const ids = result?.attemptIds.slice(0, MAX_SHOWN) ?? [];
  return useCall('quizzes.attempts', { ids, limit: MAX_SHOWN }, { enabled: ids.length > 0 });
}
