import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ROSTER_FINDING_LABELS, ROSTER_FINDINGS, type RosterFinding, type RosterLine, type RosterReport } from '../../../shared/domain/roster';
import { href } from '../../app/router';
import { useRequestDeactivation } from './use-roster';

/** A group shows this many lines; the CSV export holds them all. */
const SHOWN = 300;

const TONE: Record<RosterFinding, string> = {
  to_deactivate: 'red',
  no_account: 'orange',
  mismatch: 'yellow',
  probable_match: 'yellow',
  inactive_in_hmis: 'blue',
  duplicate: 'grape',
  incomplete_row: 'gray',
};

function DeactivateButton({ line }: { line: RosterLine }) {
  const request = useRequestDeactivation();
  const [done, setDone] = useState(false);
  if (line.kind !== 'to_deactivate') return null;
  if (!line.personId) {
    return (
      <Text size="xs" c="dimmed">
        No record here to open a task on: deactivate it in the HMIS directly.
      </Text>
    );
  }
  const personId = line.personId;
  // Once requested, the line leads to the task it opened.
  if (done) {
    return (
      <Group gap={6} wrap="nowrap">
        <Button size="xs" variant="light" color="red" disabled>
          Requested
        </Button>
        <Anchor href={href('/deactivations')} size="sm">
          Open the task
        </Anchor>
      </Group>
    );
  }
  const note = `HMIS roster check: account ${line.rosterRow?.userName || line.rosterRow?.email || ''} is active in the HMIS.`;
  return (
    <Button
      size="xs"
      variant="light"
      color="red"
      className="no-print"
      loading={request.isPending}
      onClick={() => request.mutate({ personId, type: 'deactivation', note }, { onSuccess: () => setDone(true) })}
    >
      Request deactivation
    </Button>
  );
}

function LineRow({ line }: { line: RosterLine }) {
  const r = line.rosterRow;
  return (
    <Table.Tr>
      <Table.Td>{r?.row ?? '—'}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {r?.userName || '—'}
        </Text>
        <Text size="xs" c="dimmed">
          {r ? [r.name, r.email, r.agency].filter(Boolean).join(' · ') : 'no account in the file'}
        </Text>
      </Table.Td>
      <Table.Td>{r ? `${r.status || 'Active'}${r.lastLogin ? `, last login ${r.lastLogin}` : ''}` : ''}</Table.Td>
      <Table.Td>{line.personId ? <Anchor href={href(`/people/${line.personId}`)}>{line.personName}</Anchor> : <Text c="dimmed" size="sm">No one here</Text>}</Table.Td>
      <Table.Td>
        <Text size="sm">{line.detail}</Text>
      </Table.Td>
      <Table.Td className="no-print">
        <DeactivateButton line={line} />
      </Table.Td>
    </Table.Tr>
  );
}

function FindingGroup({ kind, lines }: { kind: RosterFinding; lines: RosterLine[] }) {
  return (
    <section aria-labelledby={`roster-${kind}`} data-testid={`roster-group-${kind}`}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4" id={`roster-${kind}`}>
          {ROSTER_FINDING_LABELS[kind]}
        </Title>
        <Badge color={TONE[kind]} variant="light">
          {lines.length.toLocaleString('en-US')}
        </Badge>
      </Group>
      <Table striped withTableBorder verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>Row</Table.Th>
            <Table.Th>HMIS account</Table.Th>
            <Table.Th w={170}>Status</Table.Th>
            <Table.Th w={170}>Person here</Table.Th>
            <Table.Th>Finding</Table.Th>
            <Table.Th w={170} className="no-print" aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.slice(0, SHOWN).map((line, i) => (
            <LineRow key={`${line.rosterRow?.row ?? 'p'}-${line.personId ?? i}`} line={line} />
          ))}
        </Table.Tbody>
      </Table>
      {lines.length > SHOWN && (
        <Text size="sm" c="dimmed" mt="xs">
          And {(lines.length - SHOWN).toLocaleString('en-US')} more: export the findings to see them all.
        </Text>
      )}
    </section>
  );
}

/** The counts per kind of finding, then each kind's lines, the accounts to deactivate first. */
export function RosterFindings({ report }: { report: RosterReport }) {
  const groups = ROSTER_FINDINGS.map((kind) => ({ kind, lines: report.lines.filter((l) => l.kind === kind) })).filter((g) => g.lines.length > 0);
  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Text size="sm" mb="sm">
          {report.rows.toLocaleString('en-US')} accounts in {report.fileName} checked against {report.certifiedPeople.toLocaleString('en-US')} certified people.
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
          {ROSTER_FINDINGS.map((kind) => (
            <div key={kind} data-testid={`roster-count-${kind}`}>
              <Text size="xl" fw={700} c={report.counts[kind] ? TONE[kind] : 'dimmed'}>
                {report.counts[kind].toLocaleString('en-US')}
              </Text>
              <Text size="xs">{ROSTER_FINDING_LABELS[kind]}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      {groups.length === 0 && <Text>Every certified person has a matching account, and every active account a certified person: nothing to fix.</Text>}
      {groups.map((g) => (
        <FindingGroup key={g.kind} kind={g.kind} lines={g.lines} />
      ))}
    </Stack>
  );
}
