import { Alert, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useAppStore } from '../app/app-store';
import { ColumnMapping } from './ColumnMapping';
import { FileDrop } from './FileDrop';
import { useImportStore } from './import-store';
import { ImportSummary } from './ImportSummary';
import { useImportPreview, useRunImport } from './use-import';
import { PreviewTable } from './PreviewTable';

/** Registrations from the online form: drop the export, check the columns and rows, import. */
export function ImportPage() {
  const result = useImportStore((s) => s.result);
  const preview = useImportPreview();
  const run = useRunImport();
  const error = preview.error ?? run.error;

  useEffect(() => {
    useAppStore.getState().markPageReady();
  }, []);

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Import registrations
        </Title>
        <Text c="dimmed" size="sm">
          Nothing is written until you press Import, and importing the same rows again changes nothing.
        </Text>
      </div>
      {!preview.data && !result && <FileDrop reading={preview.isFetching} />}
      {error && (
        <Alert color="red" title="The file cannot be imported as it is" role="alert">
          {error.message}
        </Alert>
      )}
      <ImportSummary preview={preview.data} reading={preview.isFetching} run={run} />
      {!result && preview.data && <ColumnMapping preview={preview.data} />}
      {!result && preview.data && <PreviewTable preview={preview.data} />}
    </Stack>
  );
}
