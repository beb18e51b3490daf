import { Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { MAX_IMPORT_BYTES } from '../../../shared/domain/intake';
import { useImportStore } from './import-store';

/** Windows reports .csv as an Excel type when Excel is installed, so both are accepted. */
const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

/** Drop (or choose) the CSV or XLSX export of the registration form. */
export function FileDrop({ reading }: { reading: boolean }) {
  const chooseFile = useImportStore((s) => s.chooseFile);
  return (
    <Dropzone
      onDrop={(files) => files[0] && void chooseFile(files[0])}
      accept={ACCEPT}
      maxSize={MAX_IMPORT_BYTES}
      multiple={false}
      loading={reading}
      data-testid="import-dropzone"
      aria-label="Drop a registrations file here, or press Enter to choose one"
    >
      <Group justify="center" mih={140} style={{ pointerEvents: 'none' }}>
        <Stack gap={4} align="center">
          <Dropzone.Reject>
            <Text c="red">Only CSV and Excel (.xlsx) files up to 25 MB.</Text>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <Text size="lg" fw={600}>
              Drop the registrations file here
            </Text>
          </Dropzone.Idle>
          <Dropzone.Accept>
            <Text size="lg" fw={600}>
              Drop to read it
            </Text>
          </Dropzone.Accept>
          <Text c="dimmed" size="sm">
            A CSV or Excel export of Google Forms, Jotform or Microsoft Forms, or your master list. Or click to choose it.
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}
