import { Badge, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportPreview, PreviewRow } from '../../../shared/domain/intake';
import { matchesFilter, rowDetails, rowWarnings, VERDICT_COLORS, VERDICT_FILTERS, VERDICT_WORDS, verdictTitle, type VerdictFilter } from './intake-words';
import { useImportStore } from './import-store';
import { plural } from '../../../shared/plural';

/** Enough to review; the import itself covers every row whatever the table shows. */
const SHOWN = 200;

function RowAction({ row }: { row: PreviewRow }) {
  const action = useImportStore((s) => s.decisions[row.row] ?? 'update');
  const setDecision = useImportStore((s) => s.setDecision);
  if (row.verdict !== 'update') return null;
  return (
    <SegmentedControl
      size="xs"
      value={action}
      onChange={(value) => setDecision(row.row, value as 'update' | 'skip')}
      data={[
        { value: 'update', label: 'Update' },
        { value: 'skip', label: 'Skip' },
      ]}
      aria-label={`Row ${row.row}: update or skip`}
    />
  );
}

function PreviewLine({ row }: { row: PreviewRow }) {
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ');
  return (
    <Table.Tr data-verdict={row.verdict}>
      <Table.Td>{row.row}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge color={VERDICT_COLORS[row.verdict]} variant="light" title={verdictTitle(row.verdict)}>
          {VERDICT_WORDS[row.verdict]}
        </Badge>
      </Table.Td>
      <Table.Td>{name}</Table.Td>
      <Table.Td>{row.email}</Table.Td>
      <Table.Td>{row.agency}</Table.Td>
      <Table.Td>{row.accessLevel}</Table.Td>
      <Table.Td>
        {rowWarnings(row).map((line) => (
          <Text key={line} size="xs" c="orange.8" fw={500}>
            {line}
          </Text>
        ))}
        {rowDetails(row).map((line) => (
          <Text key={line} size="xs" c={row.verdict === 'invalid' ? 'red' : undefined}>
            {line}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        <RowAction row={row} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Every row's verdict, filterable, with update or skip for people already on the list. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const [filter, setFilter] = useState<VerdictFilter>('all');
  const rows = preview.rows.filter((r) => matchesFilter(r, filter));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="preview-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="preview-title">
          Rows
        </Title>
        <SegmentedControl size="xs" value={filter} onChange={(v) => setFilter(v as VerdictFilter)} data={[...VERDICT_FILTERS]} aria-label="Show rows" />
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover aria-label="Rows of the file" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Verdict</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Agency</Table.Th>
              <Table.Th>Access level</Table.Th>
              <Table.Th>Details</Table.Th>
              <Table.Th>Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN).map((row) => (
              <PreviewLine key={row.row} row={row} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > SHOWN && (
        <Text c="dimmed" size="sm" mt="xs">
          Showing the first {SHOWN} of {plural(rows.length, 'row', 'rows')}; the import covers all of them.
        </Text>
      )}
      {rows.length === 0 && (
        <Text c="dimmed" size="sm" mt="xs">
          No rows like that.
        </Text>
      )}
    </Card>
  );
}
