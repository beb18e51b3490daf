import { Card, Text, Timeline, Title } from '@mantine/core';
import type { AuditEntry } from '../../../shared/domain/audit';
import { useLookups } from '../lookups/use-lookups';
import { actionWords, describeChanges, registrationSummary, type AuditLookups } from './audit-words';
import { formatInstant } from './format';

function useAuditLookups(): AuditLookups {
  const { agencies, accessLevels } = useLookups();
  return {
    agencyName: (id) => agencies.find((a) => a.id === id)?.name,
    accessLevelName: (id) => accessLevels.find((l) => l.id === id)?.name,
  };
}

function EntryBody({ entry, lookups }: { entry: AuditEntry; lookups: AuditLookups }) {
  if (entry.action === 'person.registered') {
    const summary = registrationSummary(entry, lookups);
    return summary ? <Text size="sm">{summary}</Text> : null;
  }
  const changes = describeChanges(entry, lookups);
  if (!changes.length) return null;
  return (
    <ul className="audit-changes">
      {changes.map((change) => (
        <li key={change.field}>
          <Text size="sm" component="span" fw={600}>
            {change.label}:
          </Text>{' '}
          <Text size="sm" component="span" className="audit-before">
            {change.before}
          </Text>
          <span aria-label="changed to"> → </span>
          <Text size="sm" component="span" className="audit-after">
            {change.after}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** Everything that happened to the person, newest first, in words. */
export function AuditTimeline({ entries }: { entries: AuditEntry[] }) {
  const lookups = useAuditLookups();
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
            <Timeline.Item key={entry.id} title={actionWords(entry.action)} role="listitem">
              <Text size="xs" c="dimmed">
                by {entry.operator} · <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
              </Text>
              <EntryBody entry={entry} lookups={lookups} />
              {entry.note && (
                <Text size="sm" c="dimmed" fs="italic">
                  {entry.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
