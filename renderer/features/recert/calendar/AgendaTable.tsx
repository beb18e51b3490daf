import { Anchor, Table } from '@mantine/core';
import type { DueRow } from '../../../../shared/domain/recert';
import { RECERT_STATUS_LABELS } from '../../../../shared/recert';
import { href } from '../../../app/router';
import { weekdayTitle } from './calendar-grid';
import { RecertStatusBadge } from './DuePeopleTable';

function byDay(rows: readonly DueRow[]): [string, DueRow[]][] {
  const days = new Map<string, DueRow[]>();
  for (const r of rows) days.set(r.dueOn, [...(days.get(r.dueOn) ?? []), r]);
  return [...days];
}

/** The month's people under a heading row per day, soonest first; on paper without links or badges. */
export function AgendaTable({ rows, counts, printed = false }: { rows: readonly DueRow[]; counts: ReadonlyMap<string, number>; printed?: boolean }) {
  return (
    <Table verticalSpacing={4} aria-label="Agenda: people due this month by day" className="agenda">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>HMIS user name</Table.Th>
          <Table.Th>Agency</Table.Th>
          <Table.Th>Access level</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      {byDay(rows).map(([day, people]) => (
        <Table.Tbody key={day}>
          <Table.Tr className="agenda-day">
            <Table.Th colSpan={5} scope="colgroup">
              {weekdayTitle(day)} — {counts.get(day) ?? people.length} due
            </Table.Th>
          </Table.Tr>
          {people.map((r) => (
            <Table.Tr key={r.personId}>
              <Table.Td>{printed ? r.name : <Anchor href={href(`/people/${r.personId}`)} size="sm">{r.name}</Anchor>}</Table.Td>
              <Table.Td>{r.hmisUserName ?? '—'}</Table.Td>
              <Table.Td>{r.agencyName}</Table.Td>
              <Table.Td>{r.accessLevelName}</Table.Td>
              <Table.Td>{printed ? RECERT_STATUS_LABELS[r.status] : <RecertStatusBadge status={r.status} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      ))}
    </Table>
  );
}
