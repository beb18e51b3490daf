import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DOCUMENT_KIND_SHORT, type DocumentKind } from '../../../shared/domain/document';
import type { ToSortItem } from '../../../shared/domain/document-mail';
import { useCall, useCallMutation } from '../../api/use-call';
import { PersonPicker } from '../people/PersonPicker';
import { formatInstant } from '../people/format';

/** One file from the watched folder: what it reads as, who it may be, and the person staff choose. */
function ToSortRow({ item }: { item: ToSortItem }) {
  const r = item.recognition;
  const best = r.candidates[0];
  const [personId, setPersonId] = useState<number | null>(best && best.confidence >= 0.7 ? best.personId : null);
  const [kind, setKind] = useState<DocumentKind | null>(r.kind === 'other' ? null : r.kind);
  const attach = useCallMutation('documents.toSort.attach', { errorTitle: 'Not attached' });
  const dismiss = useCallMutation('documents.toSort.dismiss', { errorTitle: 'Not removed' });
  const onAttach = () =>
    personId &&
    attach.mutate(
      { id: item.id, personId, confirmPerson: true, ...(kind ? { kind } : {}) },
      { onSuccess: (result) => result.document && notifications.show({ color: 'teal', message: `${item.fileName} attached to ${result.document.personName}.` }) },
    );
  return (
    <Table.Tr data-testid="to-sort-row">
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Text size="sm">{item.fileName}</Text>
        <Text size="xs" c="dimmed">
          {item.source !== item.fileName ? `In ${item.source} · ` : ''}
          {item.message?.from ? `from ${item.message.from.address} · ` : ''}arrived {formatInstant(item.addedAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={r.kind === 'other' ? 'orange' : 'blue'}>
          {r.kind === 'other' ? 'Cannot tell' : DOCUMENT_KIND_SHORT[r.kind]}
        </Badge>
        {r.values.userName && (
          <Text size="xs" c="dimmed">
            Names {r.values.userName}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <PersonPicker
            label={`Person for ${item.fileName}`}
            value={personId}
            onChange={setPersonId}
            suggested={r.candidates.map((c) => ({ value: String(c.personId), label: `${c.name} — ${c.email} (${Math.round(c.confidence * 100)}%, ${c.reason})` }))}
            placeholder={r.candidates.length ? 'Choose a person' : 'No match on the form — type a name or email'}
          />
          {r.kind === 'other' && (
            <SegmentedControl size="xs" aria-label={`Which form is ${item.fileName}`} value={kind ?? ''} onChange={(v) => setKind(v as DocumentKind)} data={[{ value: 'staff_verification', label: 'Staff Verification' }, { value: 'end_user_agreement', label: 'End User Agreement' }]} />
          )}
          {attach.data?.mismatch && (
            <Text size="xs" c="orange">
              The form names {attach.data.mismatch.name}; choose them, or attach again to attach here anyway.
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td className="no-print">
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" disabled={!personId || (r.kind === 'other' && !kind)} loading={attach.isPending} onClick={onAttach}>
            Attach
          </Button>
          <Button size="xs" variant="subtle" color="gray" loading={dismiss.isPending} onClick={() => dismiss.mutate({ id: item.id })}>
            Remove
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Pending documents → To sort: what the watched folder took but could not match with certainty. */
export function ToSortList() {
  const list = useCall('documents.toSort.list', {});
  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  if (!list.data) return null;
  if (list.data.length === 0) return <Text>Nothing to sort. Files from the watched folder that name no one with certainty wait here.</Text>;
  return (
    <Table striped verticalSpacing="xs" aria-label="To sort">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th>Reads as</Table.Th>
          <Table.Th>Person</Table.Th>
          <Table.Th className="no-print" aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.data.map((item) => (
          <ToSortRow key={item.id} item={item} />
        ))}
      </Table.Tbody>
    </Table>
  );
}
