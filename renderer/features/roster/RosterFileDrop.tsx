import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { MAX_IMPORT_BYTES } from '../../../shared/domain/intake';
import { useRosterStore } from './roster-store';
import { useSampleRoster } from './use-roster';

/** Windows reports .csv as an Excel type when Excel is installed, so both are accepted. */
const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

/** Drop (or choose) the HMIS vendor's user export, or try the check on a sample made from the list. */
export function RosterFileDrop({ reading }: { reading: boolean }) {
  const chooseFile = useRosterStore((s) => s.chooseFile);
  const sample = useSampleRoster();
  return (
    <Stack gap="sm" className="no-print">
      <Dropzone
        onDrop={(files) => files[0] && void chooseFile(files[0])}
        accept={ACCEPT}
        maxSize={MAX_IMPORT_BYTES}
        multiple={false}
        loading={reading}
        data-testid="roster-dropzone"
        aria-label="Drop the HMIS user export here, or press Enter to choose one"
      >
        <Group justify="center" mih={140} style={{ pointerEvents: 'none' }}>
          <Stack gap={4} align="center">
            <Dropzone.Reject>
              <Text c="red">Only CSV and Excel (.xlsx) files up to 25 MB.</Text>
            </Dropzone.Reject>
            <Dropzone.Idle>
              <Text size="lg" fw={600}>
                Drop the HMIS user export here
              </Text>
            </Dropzone.Idle>
            <Dropzone.Accept>
              <Text size="lg" fw={600}>
                Drop to read it
              </Text>
            </Dropzone.Accept>
            <Text c="dimmed" size="sm">
              The staff or user list of your HMIS (e.g. Clarity Human Services) as CSV or Excel, with user names or emails. Or click to choose it.
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      <Group>
        <Button variant="default" loading={sample.isPending} onClick={() => sample.mutate({})}>
          Use sample roster
        </Button>
        <Text size="sm" c="dimmed">
          A user export made from your list, with one of every kind of finding.
        </Text>
      </Group>
    </Stack>
  );
}
