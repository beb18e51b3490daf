import { Alert, Anchor, Button, Card, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Person } from '../../../shared/domain/person';
import { href } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { formatDate, fullName } from '../people/format';
import { StageBadge } from '../people/StageBadge';
import { useDuplicateDecisions, useDuplicateGroups, type DuplicateGroup } from './use-duplicates';

function GroupCard({ group, busy, onKeep, onDifferent }: { group: DuplicateGroup; busy: boolean; onKeep: (person: Person) => void; onDifferent: () => void }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={`${group.reason}: ${fullName(group.people[0] as Person)}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {fullName(group.people[0] as Person)} — {group.reason}
        </Text>
        <Button size="xs" variant="default" disabled={busy} onClick={onDifferent}>
          Different people
        </Button>
      </Group>
      <Table>
        <Table.Tbody>
          {group.people.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor href={href(`/people/${p.id}`)}>{p.email}</Anchor>
              </Table.Td>
              <Table.Td>{p.accessLevelName}</Table.Td>
              <Table.Td>Registered {formatDate(p.registeredOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StageBadge stage={p.stage} />
              </Table.Td>
              <Table.Td>
                <Button size="xs" disabled={busy} onClick={() => onKeep(p)}>
                  Keep this record
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Same name at the same agency with different emails: merge them, or say they are different people. */
export function DuplicatesPage() {
  const { data: groups, error, isSuccess, isError } = useDuplicateGroups();
  const { merge, separate, busy } = useDuplicateDecisions();
  const [pending, setPending] = useState<{ group: DuplicateGroup; survivor: Person } | null>(null);

  useEffect(() => {
    if (isSuccess || isError) useAppStore.getState().markPageReady();
  }, [isSuccess, isError]);

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={1} size="h2">
          Possible duplicates
        </Title>
        <Text c="dimmed" size="sm">
          Merging keeps both histories: requests, documents, messages and the audit trail move to the record you keep.
        </Text>
      </div>
      {error && <Alert color="red">{error.message}</Alert>}
      {groups === undefined ? !error && <Loader aria-label="Looking for possible duplicates" /> : groups.length === 0 && <Text>No possible duplicates.</Text>}
      {groups?.map((group) => (
        <GroupCard key={group.people.map((p) => p.id).join('-')} group={group} busy={busy} onKeep={(survivor) => setPending({ group, survivor })} onDifferent={() => separate.mutate(group)} />
      ))}
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Merge these records?">
        {pending && (
          <Stack>
            <Text size="sm">
              Keep {pending.survivor.email} and merge {pending.group.people.filter((p) => p.id !== pending.survivor.id).map((p) => p.email).join(', ')} into it. The other
              record is removed; its history is kept on this one.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                Cancel
              </Button>
              <Button loading={merge.isPending} onClick={() => merge.mutate({ group: pending.group, survivorId: pending.survivor.id }, { onSettled: () => setPending(null) })}>
                Merge
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
