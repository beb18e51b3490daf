import { Alert, Badge, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Person } from '../../../shared/domain/person';
import type { Certification, RecertSummary } from '../../../shared/domain/recert';
import type { Attempt } from '../../../shared/domain/quiz-attempt';
import { useCall } from '../../api/use-call';
import { useAppInfo } from '../app/use-app-info';
import { formatDate, formatInstant } from '../people/format';
import { certificationEarned, certificationSentence, recordedByOf } from './certification-words';
import { CERT_STATUS_COLORS, CERT_STATUS_LABELS, relativeDueWords, type CertStatus } from './recert-words';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="fact">
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children || '—'}
      </Text>
    </div>
  );
}

export function CertStatusBadge({ status, size = 'md' }: { status: CertStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={CERT_STATUS_COLORS[status]} variant="light" size={size} tt="none" data-cert-status={status}>
      {CERT_STATUS_LABELS[status]}
    </Badge>
  );
}

function History({ history, attempts, audit }: { history: Certification[]; attempts: Attempt[]; audit: AuditEntry[] }) {
  const byId = new Map(attempts.map((a) => [a.id, a]));
  return (
    <Table fz="sm" verticalSpacing={4} aria-label="Certification history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Certified on</Table.Th>
          <Table.Th>How</Table.Th>
          <Table.Th>Recorded by</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {history.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.certifiedOn)}</Table.Td>
            <Table.Td>{certificationEarned(c, c.attemptId === null ? undefined : byId.get(c.attemptId))}</Table.Td>
            <Table.Td>
              {recordedByOf(c, audit) ?? '—'}
              <Text span size="xs" c="dimmed" display="block">
                {formatInstant(c.recordedAt)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Facts({ summary, status, today }: { summary: RecertSummary; status: CertStatus; today: string | undefined }) {
  const dueWords = summary.dueOn && today && status !== 'deactivated' ? ` (${relativeDueWords(summary.dueOn, today)})` : '';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
      <Fact term="HMIS user name">{summary.hmisUserName}</Fact>
      <Fact term="Certified on">{summary.certifiedOn && formatDate(summary.certifiedOn)}</Fact>
      <Fact term="Due on">{summary.dueOn && `${formatDate(summary.dueOn)}${dueWords}`}</Fact>
      {status === 'deactivated' ? (
        <Fact term="Deactivated on">{summary.deactivatedOn && formatDate(summary.deactivatedOn)}</Fact>
      ) : (
        <Fact term="Lapses on">{summary.lapsesOn && formatDate(summary.lapsesOn)}</Fact>
      )}
    </SimpleGrid>
  );
}

/** The person's place in the yearly cycle: user name, dates, status in words, and every certification. */
export function PersonCertification({ person }: { person: Person }) {
  const summary = useCall('recert.summary', { personId: person.id });
  // The same query as the training card's, so the page asks for a person's attempts once.
  const attempts = useCall('quizzes.attempts', { personId: person.id, limit: 200 });
  // The page's own audit query (use-person.ts): who issued the credentials or graded the quiz.
  const audit = useCall('people.history', { id: person.id });
  const today = useAppInfo().data?.today;
  const data = summary.data;
  const status: CertStatus | null = data?.deactivatedOn ? 'deactivated' : (data?.status ?? null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="certification-title" data-testid="person-certification">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="certification-title">
          Certification
        </Title>
        {status && <CertStatusBadge status={status} />}
      </Group>
      {summary.error && <Alert color="red">{summary.error.message}</Alert>}
      {data && status === null && (
        <Text size="sm" c="dimmed">
          Not certified yet. Certification starts when credentials are issued; from then on this person recertifies every year.
        </Text>
      )}
      {data && status !== null && (
        <>
          <Text size="sm" mb="sm">
            {certificationSentence(data, status, today)}
          </Text>
          <Facts summary={data} status={status} today={today} />
          <Title order={3} size="h5" mt="md" mb={4}>
            History
          </Title>
          <History history={data.history} attempts={attempts.data?.items ?? []} audit={audit.data ?? []} />
        </>
      )}
    </Card>
  );
}
