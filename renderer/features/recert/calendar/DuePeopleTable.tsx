import { Anchor, Badge, Table, Text, type MantineColor } from '@mantine/core';
import type { DueRow } from '../../../../shared/domain/recert';
import { RECERT_STATUS_LABELS, type RecertStatus } from '../../../../shared/recert';
import { href } from '../../../app/router';
import { formatDate } from '../../people/format';

const STATUS_COLOR: Record<RecertStatus, MantineColor> = { current: 'teal', due_soon: 'blue', due: 'orange', overdue: 'red', lapsed: 'gray' };

export function RecertStatusBadge({ status }: { status: RecertStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size="sm" tt="none" className="stage-badge">
      {RECERT_STATUS_LABELS[status]}
    </Badge>
  );
}

/**
 * People due, narrow enough for the side panel: name (to their page) and HMIS user name, agency over
 * access level, status and, across several days, the due date.
 */
export function DuePeopleTable({ rows, label, showDue }: { rows: readonly DueRow[]; label: string; showDue: boolean }) {
  return (
    <Table verticalSpacing={4} striped aria-label={label} className="due-people">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Agency and access level</Table.Th>
          <Table.Th>{showDue ? 'Due and status' : 'Status'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.personId}>
            <Table.Td>
              <Anchor href={href(`/people/${r.personId}`)} size="sm">
                {r.name}
              </Anchor>
              {r.hmisUserName && (
                <Text size="xs" c="dimmed">
                  {r.hmisUserName}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{r.agencyName}</Text>
              <Text size="xs" c="dimmed">
                {r.accessLevelName}
              </Text>
            </Table.Td>
            <Table.Td>
              {showDue && (
                <Text size="sm" className="nowrap">
                  {formatDate(r.dueOn)}
                </Text>
              )}
              <RecertStatusBadge status={r.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
