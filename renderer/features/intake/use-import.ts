import { useShallow } from 'zustand/react/shallow';
import { useCall, useCallMutation } from '../../api/use-call';
import { importSource, useImportStore } from './import-store';

const NO_FILE = { fileName: '', bytes: new Uint8Array() };

/**
 * Every change of file or mapping judges the rows again: the preview is always what import would
 * do. While a new mapping is judged, the previous preview of the same file stays on screen.
 */
export function useImportPreview() {
  const source = useImportStore(useShallow((s) => importSource(s)));
  return useCall('intake.preview', source ?? NO_FILE, {
    enabled: source !== null,
    placeholderData: (previous, previousQuery) => (previous && (previousQuery?.queryKey[1] as { fileName?: string }).fileName === source?.fileName ? previous : undefined),
  });
}

export function useRunImport() {
  return useCallMutation('intake.import', { errorShownInPlace: true, onSuccess: (result) => useImportStore.getState().setResult(result) });
}

export function useMappings() {
  return useCall('intake.mappings.list', {});
}

export function useSaveMapping() {
  return useCallMutation('intake.mappings.save', { errorTitle: 'Mapping not saved', onSuccess: (_saved, input) => useImportStore.setState({ mappingName: input.name }) });
}
