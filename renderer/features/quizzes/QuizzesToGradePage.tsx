import { Anchor, Button, Group, Text } from '@mantine/core';
import { plural } from '../../../shared/plural';
import { href } from '../../app/router';
import { formatDate, formatInstant } from '../people/format';
import { QueueFrame } from '../training/QueueFrame';
import { QueueTable } from '../training/QueueTable';
import { PassBadge, useSendResults } from './AttemptResult';

function SendResultsButton({ attemptId }: { attemptId: number }) {
  const send = useSendResults();
  return (
    <Button size="compact-xs" variant="light" className="no-print" loading={send.isPending} onClick={() => send.mutate({ attemptIds: [attemptId] })}>
      Send results
    </Button>
  );
}

/** People with training sent and no passing attempt yet: import their responses or enter them by hand. */
export function QuizzesToGradePage() {
  const actions = (
    <Button component="a" href={href('/quizzes/import')}>
      Import responses
    </Button>
  );
  const table = (
    <QueueTable
      queue="quizzes_to_grade"
      label="Quizzes to grade"
      columns={[
        { header: 'Training sent', width: 170, cell: (row) => (row.trainingSentAt ? formatInstant(row.trainingSentAt) : '—') },
        {
          header: 'Last attempt',
          width: 260,
          cell: (row) =>
            row.lastAttempt ? (
              <Group gap={6}>
                <PassBadge passed={row.lastAttempt.passed} />
                <Text size="sm">
                  {row.lastAttempt.percent}% on {formatDate(row.lastAttempt.takenOn)} ({plural(row.attempts, 'try', 'tries')})
                </Text>
                {!row.lastAttempt.resultsSent && row.lastAttempt.passed !== null && <SendResultsButton attemptId={row.lastAttempt.id} />}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                None yet
              </Text>
            ),
        },
        {
          header: 'Still to pass',
          width: 220,
          cell: (row) => (
            <Text size="sm" c={row.quizzesNotPassed.length ? undefined : 'dimmed'}>
              {row.quizzesNotPassed.length ? `${row.quizzesNotPassed.join(', ')} not passed yet` : '—'}
            </Text>
          ),
        },
        {
          header: '',
          width: 130,
          cell: (row) => (
            <Anchor href={href(`/quizzes/enter/${row.person.id}`)} size="sm" className="no-print">
              Enter answers
            </Anchor>
          ),
        },
      ]}
    />
  );
  return (
    <QueueFrame queue="quizzes_to_grade" title="Quizzes to grade" intro="Training was sent and a quiz it asked for has not been passed yet (the “Still to pass” column says which). Import the Forms responses, or enter an attempt by hand." actions={actions} table={table}>
    </QueueFrame>
  );
}
