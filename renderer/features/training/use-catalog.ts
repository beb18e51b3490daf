import { useQueryClient } from '@tanstack/react-query';
import type { Catalog } from '../../../shared/domain/quiz-training';
import { callKey, useCall, useCallMutation } from '../../api/use-call';

/** The training catalog and the quizzes levels choose from. */
export function useCatalog() {
  const catalog = useCall('training.catalog', {});
  const quizzes = useCall('quizzes.list', {});
  return { catalog: catalog.data ?? null, quizzes: quizzes.data ?? [], error: catalog.error ?? quizzes.error, settled: (catalog.isSuccess || catalog.isError) && (quizzes.isSuccess || quizzes.isError) };
}

/** Catalog writes answer with the whole catalog: shown at once, before the `changed` refresh. */
export function useCatalogWrite<K extends 'training.levels.save' | 'training.materials.save' | 'training.settings.save'>(name: K, errorShownInPlace = true) {
  const client = useQueryClient();
  return useCallMutation(name, {
    errorShownInPlace,
    errorTitle: 'Not saved',
    onSuccess: (catalog) => client.setQueryData(callKey('training.catalog', {}), catalog as Catalog),
  });
}
