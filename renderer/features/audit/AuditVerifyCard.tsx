import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useCallMutation } from '../../api/use-call';

/** Settings → "Verify the audit trail": walks the hash chain and says, in words, where it breaks. */
export function AuditVerifyCard() {
  const verify = useCallMutation('audit.verify', { errorShownInPlace: true });
  const result = verify.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="audit-verify-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="audit-verify-title">
          Verify the audit trail
        </Title>
        <Text size="sm" c="dimmed">
          Every audit entry carries the fingerprint (hash) of the one before it, and entries can never be changed or removed. Checking walks the whole trail and names the first entry that does not hold.
        </Text>
        <div>
          <Button onClick={() => verify.mutate({})} loading={verify.isPending}>
            Verify the audit trail
          </Button>
        </div>
        {result && (
          <Alert color={result.ok ? 'teal' : 'red'} role={result.ok ? 'status' : 'alert'} title={result.ok ? 'Intact' : 'Altered'}>
            {result.message}
            {result.ok && result.lastHash && (
              <Text size="xs" c="dimmed" mt={4} ff="monospace">
                Newest hash: {result.lastHash}
              </Text>
            )}
          </Alert>
        )}
        {verify.error && <Alert color="red">{verify.error.message}</Alert>}
      </Stack>
    </Card>
  );
}
