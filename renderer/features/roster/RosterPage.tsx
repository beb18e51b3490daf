import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useAppStore } from '../app/app-store';
import { PrintFrame } from '../print/PrintFrame';
import { RosterColumns } from './RosterColumns';
import { RosterFileDrop } from './RosterFileDrop';
import { RosterFindings } from './RosterFindings';
import { rosterSource, useRosterStore } from './roster-store';
import { useExportFindings, useRosterPreview, useRosterReport } from './use-roster';

/** The yearly audit: the HMIS vendor's user list against who is certified here. Writes nothing but the requests asked for. */
export function RosterPage() {
  const file = useRosterStore((s) => s.file);
  const checking = useRosterStore((s) => s.checking);
  const preview = useRosterPreview();
  const report = useRosterReport();
  const exporter = useExportFindings();
  const error = preview.error ?? report.error;

  useEffect(() => {
    useAppStore.getState().markPageReady();
  }, []);

  const exportFindings = () => {
    const source = rosterSource(useRosterStore.getState());
    if (source) exporter.mutate(source);
  };

  return (
    <Stack gap="md">
      <PrintFrame title="HMIS roster check" filters={file ? `HMIS user export: ${file.name}` : 'No file checked'} scope={report.data ? 'Every finding group, up to 300 lines each (the CSV export holds them all)' : undefined} />
      <Group justify="space-between" align="flex-end" className="no-print">
        <div>
          <Title order={1} size="h2">
            HMIS roster check
          </Title>
          <Text c="dimmed" size="sm">
            Compare the HMIS user export with the master list: accounts to deactivate, certified people without an account, and details that differ.
          </Text>
        </div>
        {report.data && (
          <Group className="no-print">
            <Button variant="default" onClick={() => window.print()}>
              Print
            </Button>
            <Button variant="default" loading={exporter.isPending} onClick={exportFindings}>
              Export findings (CSV)
            </Button>
          </Group>
        )}
      </Group>
      {!file && <RosterFileDrop reading={preview.isFetching} />}
      {error && (
        <Alert color="red" title="The file cannot be checked as it is" role="alert">
          {error.message}
        </Alert>
      )}
      {file && preview.isFetching && !preview.data && <Loader aria-label="Reading the file" />}
      {file && preview.data && <RosterColumns preview={preview.data} checking={checking} />}
      {checking && report.isFetching && !report.data && <Loader aria-label="Checking" />}
      {checking && report.data && <RosterFindings report={report.data} />}
    </Stack>
  );
}
