import { Alert, Button, Group, Text } from '@mantine/core';
import { navigate } from '../../app/router';
import { useCall } from '../../api/use-call';

/**
 * First run (or until it is done): the office name, signature and HMIS login address every email
 * needs. Shown on the master list, where a new office starts, while the office name is empty.
 */
export function OfficeSetupBanner() {
  const { data } = useCall('mail.settings.get', {});
  if (!data || data.officeName) return null;
  return (
    <Alert color="blue" mb="sm" className="no-print" title="Set up your office">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">Emails need the office name, a signature and the HMIS login address before credentials can be issued.</Text>
        <Button size="xs" onClick={() => navigate('/settings')}>
          Open Settings → Office
        </Button>
      </Group>
    </Alert>
  );
}
