import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { REQUEST_TYPE_LABELS, type Person } from '../../../shared/domain/person';
import { formatDate } from './format';

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

/** The record at a glance (and what a printout of the person shows). */
export function PersonSummary({ person }: { person: Person }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-summary-title">
      <Title order={2} size="h4" id="person-summary-title" mb="sm">
        Details
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
        <Fact term="Email">
          <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>
        </Fact>
        <Fact term="Phone">{person.phone}</Fact>
        <Fact term="Agency">{person.agencyName}</Fact>
        <Fact term="Access level">{person.accessLevelName}</Fact>
        <Fact term="Request type">{REQUEST_TYPE_LABELS[person.requestType]}</Fact>
        <Fact term="Registered">{formatDate(person.registeredOn)}</Fact>
        <Fact term="Supervisor">
          {person.supervisorName}
          {person.supervisorName && person.supervisorEmail ? ' · ' : ''}
          {person.supervisorEmail && <Anchor href={`mailto:${person.supervisorEmail}`}>{person.supervisorEmail}</Anchor>}
        </Fact>
        <Fact term="Notes">
          <span className="notes">{person.notes}</span>
        </Fact>
      </SimpleGrid>
    </Card>
  );
}
