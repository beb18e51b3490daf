import { Alert, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCallMutation } from '../../api/use-call';

const COLOR = { sent: 'teal', drafted: 'blue', failed: 'red' } as const;

/** "Send a test message" with the saved settings; the answer comes back in plain words. */
export function TestMessageCard() {
  const test = useCallMutation('mail.test', { errorShownInPlace: true });
  const [to, setTo] = useState('');
  const result = test.data;
  const problem = test.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    test.mutate({ to });
  }

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate aria-labelledby="test-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="test-title">
          Send a test message
        </Title>
        <Group align="flex-end">
          <TextInput label="To" placeholder="you@county.example.org" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={problem?.fields?.[0]?.message} />
          <Button type="submit" loading={test.isPending} disabled={!to.trim()}>
            Send test message
          </Button>
        </Group>
        {result && (
          <Alert color={COLOR[result.outcome]} role="status">
            {result.message}
          </Alert>
        )}
        {problem && !problem.fields?.length && <Alert color="red">{problem.message}</Alert>}
      </Stack>
    </Card>
  );
}
