import { Alert, Button, Card, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { AppError } from '../../../shared/app-error';
import type { Output } from '../../../shared/contract';
import { useMailSettingsStore } from './mail-settings-store';

const COLOR = { sent: 'teal', drafted: 'blue', failed: 'red' } as const;

/** "Send a test message" with the saved settings; the answer comes back in plain words. */
export function TestMessageCard() {
  const test = useMailSettingsStore((s) => s.test);
  const [to, setTo] = useState('');
  const [result, setResult] = useState<Output<'mail.test'> | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    setProblem(null);
    try {
      setResult(await test(to));
    } catch (error) {
      setProblem(AppError.from(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg" component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby="test-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="test-title">
          Send a test message
        </Title>
        <Group align="flex-end">
          <TextInput label="To" placeholder="you@county.example.org" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={problem?.fields?.[0]?.message} />
          <Button type="submit" loading={busy} disabled={!to.trim()}>
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
