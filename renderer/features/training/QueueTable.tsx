import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { QueueRow, TrainingQueue } from '../../../shared/domain/quiz-training';
import { href } from '../../app/router';
import { formatDate, fullName } from '../people/format';
import { useTrainingQueueStore } from './training-queue-store';
import { useTrainingQueue } from './use-training-queue';

export interface QueueColumn {
  header: string;
  width?: number | string;
  cell(row: QueueRow): ReactNode;
}

/** A training queue: who, where, at what level, the queue's own columns, and what to do. */
export function QueueTable({ queue, columns, selectable = false, label }: { queue: TrainingQueue; columns: QueueColumn[]; selectable?: boolean; label: string }) {
  const { items, selected } = useTrainingQueue(queue);
  const { toggle, toggleAll } = useTrainingQueueStore();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {selectable && (
            <Table.Th w={40} className="no-print">
              <Checkbox aria-label="Choose everyone shown" checked={items.length > 0 && selected.length === items.length} indeterminate={selected.length > 0 && selected.length < items.length} onChange={() => toggleAll(items.map((r) => r.person.id))} />
            </Table.Th>
          )}
          <Table.Th>Person</Table.Th>
          <Table.Th>Agency</Table.Th>
          <Table.Th>Access level</Table.Th>
          <Table.Th w={120}>Registered</Table.Th>
          {columns.map((c) => (
            // A column without a header holds buttons only: nothing of it goes on paper.
            <Table.Th key={c.header} w={c.width} className={c.header ? undefined : 'no-print'}>
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((row) => (
          <Table.Tr key={row.person.id} aria-label={fullName(row.person)}>
            {selectable && (
              <Table.Td className="no-print">
                <Checkbox aria-label={`Choose ${fullName(row.person)}`} checked={selected.includes(row.person.id)} onChange={() => toggle(row.person.id)} />
              </Table.Td>
            )}
            <Table.Td>
              <Anchor href={href(`/people/${row.person.id}`)}>{fullName(row.person)}</Anchor>
              <Text size="xs" c="dimmed">
                {row.person.email}
              </Text>
            </Table.Td>
            <Table.Td>{row.person.agencyName}</Table.Td>
            <Table.Td>{row.person.accessLevelName}</Table.Td>
            <Table.Td>{formatDate(row.person.registeredOn)}</Table.Td>
            {columns.map((c) => (
              <Table.Td key={c.header} className={c.header ? undefined : 'no-print'}>
                {c.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
