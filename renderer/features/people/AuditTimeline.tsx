import { Card, Text, Timeline, Title } from '@mantine/core';
import type { AuditEntry } from '../../../shared/domain/audit';
import { useLookups } from '../lookups/use-lookups';
import { auditSentences, type AuditNames } from '../../../shared/audit-sentence';
import { useCall } from '../../api/use-call';
import { formatInstant } from './format';

export function useAuditNames(): AuditNames {
  const { agencies, accessLevels } = useLookups();
  const quizzes = useCall('quizzes.list', {}).data ?? [];
  return {
    agencyName: (id) => agencies.find((a) => a.id === id)?.name,
    accessLevelName: (id) => accessLevels.find((l) => l.id === id)?.name,
    quizTitle: (id) => quizzes.find((q) => q.id === id)?.title,
  };
}

/** An audit entry in sentences, with its note when the sentences do not already say it (the timeline and the audit trail page). */
export function EntryBody({ entry, names }: { entry: AuditEntry; names: AuditNames }) {
  const { sentences, noteUsed } = auditSentences(entry, names);
  return (
    <>
      {sentences.map((sentence) => (
        <Text key={sentence} size="sm">
          {sentence}
        </Text>
      ))}
      {entry.note && !noteUsed && (
        <Text size="sm" c="dimmed" fs="italic">
          {entry.note}
        </Text>
      )}
    </>
  );
}

/** Everything that happened to the person, newest first by when it happened, in sentences. */
export function AuditTimeline({ entries: given }: { entries: AuditEntry[] }) {
  const names = useAuditNames();
  // By time, not by row order: sample data and imports may write an older event after a newer one.
  const entries = [...given].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="md">
        History
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing has happened to this record yet.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={entries.length} className="audit-timeline" role="list" aria-label="History">
          {entries.map((entry) => (
            <Timeline.Item key={entry.id} role="listitem">
              <EntryBody entry={entry} names={names} />
              <Text size="xs" c="dimmed">
                by {entry.operator} · <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
