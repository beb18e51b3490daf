import { Group, List, Stack, Text } from '@mantine/core';
import type { QuizStats } from '../../../shared/domain/quiz-attempt';

/** What the office learns from a quiz, to improve its training. */
export function QuizStatsView({ stats }: { stats: QuizStats | undefined }) {
  if (!stats || stats.attempts === 0) return <Text size="sm" c="dimmed">No attempts yet.</Text>;
  return (
    <Stack gap={4}>
      <Group gap="lg">
        <Text size="sm">
          <strong>{stats.firstAttemptPassRate ?? '—'}%</strong> pass on the first try
        </Text>
        <Text size="sm">
          <strong>{stats.meanAttemptsToPass ?? '—'}</strong> tries to pass on average ({stats.attemptsToPass.map((a) => `${a.people} in ${a.attempts}`).join(', ')})
        </Text>
        <Text size="sm">
          {stats.people} people, {stats.attempts} attempts
        </Text>
      </Group>
      {stats.mostMissed.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            Most missed
          </Text>
          <List size="sm" spacing={2}>
            {stats.mostMissed.map((m) => (
              <List.Item key={m.questionId}>
                {m.missRate}% missed ({m.missed} of {m.answered}): {m.text}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
