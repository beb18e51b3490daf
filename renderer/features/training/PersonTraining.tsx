import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Person } from '../../../shared/domain/person';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import type { Credential, TrainingSend } from '../../../shared/domain/quiz-training';
import { useCall } from '../../api/use-call';
import { href } from '../../app/router';
import { formatDate, formatInstant, fullName } from '../people/format';
import { AttemptResult } from '../quizzes/AttemptResult';
import { IssueCredentialsModal, type CredentialsTarget } from './IssueCredentialsModal';
import { SendTrainingModal } from './SendTrainingModal';
import { plural } from '../../../shared/plural';

function History({ sends, credentials }: { sends: TrainingSend[]; credentials: Credential[] }) {
  if (sends.length === 0 && credentials.length === 0) return <Text size="sm" c="dimmed">No training sent yet.</Text>;
  const lines = [
    ...sends.map((s) => ({ at: s.sentAt, text: `Training sent for ${s.accessLevelName}${s.previousLevelName ? ` (upgrade from ${s.previousLevelName})` : ''}: ${plural(s.materialTitles.length, 'material', 'materials')}` })),
    ...credentials.map((c) => ({ at: c.issuedAt, text: c.newPassword ? `Credentials issued: user name ${c.username}, certified ${formatDate(c.certifiedOn)}` : `Access updated for ${c.username} (no new password), certified ${formatDate(c.certifiedOn)}` })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Stack gap={2}>
      {lines.map((l) => (
        <Text key={`${l.at}${l.text}`} size="sm">
          <Text span c="dimmed" size="xs" mr="xs">
            {formatInstant(l.at)}
          </Text>
          {l.text}
        </Text>
      ))}
    </Stack>
  );
}

/** Training, quiz attempts (each with its missed questions) and credentials, with the actions for each step. */
export function PersonTraining({ person }: { person: Person }) {
  const sends = useCall('training.history', { personId: person.id });
  const attemptPage = useCall('quizzes.attempts', { personId: person.id, limit: 200 });
  const credentials = useCall('credentials.list', { personId: person.id });
  const attempts: Attempt[] = attemptPage.data?.items ?? [];
  const error = sends.error ?? attemptPage.error ?? credentials.error;
  const [sending, setSending] = useState<number[] | null>(null);
  const [issuing, setIssuing] = useState<CredentialsTarget | null>(null);
  const pass = attempts.find((a) => a.passed && !a.voided);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="training-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="training-title">
          Training and quizzes
        </Title>
        <Group gap="xs" className="no-print">
          <Button size="xs" variant={person.stage === 'documents_accepted' ? 'filled' : 'default'} onClick={() => setSending([person.id])}>
            Send training
          </Button>
          <Button size="xs" variant="default" component="a" href={href(`/quizzes/enter/${person.id}`)}>
            Enter answers
          </Button>
          <Button size="xs" variant={person.stage === 'quiz_passed' ? 'filled' : 'default'} disabled={!pass} onClick={() => setIssuing({ personId: person.id, name: fullName(person), passedOn: pass?.takenOn ?? null })}>
            Issue credentials
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      <History sends={sends.data ?? []} credentials={credentials.data ?? []} />
      <Title order={3} size="h5" mt="md" mb="xs">
        Attempts
      </Title>
      <Stack gap="sm" aria-label="Quiz attempts">
        {attempts.length === 0 ? <Text size="sm" c="dimmed">No attempts yet.</Text> : attempts.map((a) => <AttemptResult key={a.id} attempt={a} showPerson={false} />)}
      </Stack>
      <SendTrainingModal personIds={sending} onClose={() => setSending(null)} />
      <IssueCredentialsModal target={issuing} onClose={() => setIssuing(null)} />
    </Card>
  );
}
