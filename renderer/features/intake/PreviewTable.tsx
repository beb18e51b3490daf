import { Badge, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportPreview, PreviewRow } from '../../../shared/domain/intake';
import { matchesFilter, rowDetails, rowWarnings, VERDICT_COLORS, VERDICT_FILTERS, VERDICT_WORDS, verdictTitle, type VerdictFilter } from './intake-words';
import { useImportStore } from './import-store';
import { plural } from '../../../shared/plural';
import { NEEDS_AGENCY_TITLE, SHOWN_VERDICT_COLORS, SHOWN_VERDICT_WORDS, shownVerdict } from './shown-verdict';

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

function VerdictBadge({ row }: { row: PreviewRow }) {
  const shown = shownVerdict(row, useImportStore((s) => s.createAgencies));
  if (shown === 'needs_agency') {
    return (
      <Badge color={SHOWN_VERDICT_COLORS[shown]} variant="light" title={NEEDS_AGENCY_TITLE} className="verdict-badge">
        {SHOWN_VERDICT_WORDS[shown]}
      </Badge>
    );
  }
  return (
    <Badge color={VERDICT_COLORS[shown]} variant="light" title={verdictTitle(shown)} className="verdict-badge">
      {VERDICT_WORDS[shown]}
    </Badge>
  );
}

function PreviewLine({ row }: { row: PreviewRow }) {
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ');
  return (
    <Table.Tr data-verdict={row.verdict}>
      <Table.Td>{row.row}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <VerdictBadge row={row} />
      </Table.Td>
      <Table.Td>{name}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.email}</Table.Td>
      <Table.Td>{row.agency}</Table.Td>
      <Table.Td>{row.accessLevel}</Table.Td>
      {/* The Update or Skip choice sits under the reasons it rests on: no column off the right edge. */}
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
        <RowAction row={row} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Every row's verdict, filterable, with update or skip for people already on the list. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const [filter, setFilter] = useState<VerdictFilter>('all');
  const createAgencies = useImportStore((s) => s.createAgencies);
  // A row waiting for its agency is listed with the problems, not with the new rows.
  const rows = preview.rows.filter((r) => matchesFilter(shownVerdict(r, createAgencies) === 'needs_agency' ? { ...r, verdict: 'invalid' } : r, filter));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="preview-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="preview-title">
          Rows
        </Title>
        <SegmentedControl size="xs" value={filter} onChange={(v) => setFilter(v as VerdictFilter)} data={[...VERDICT_FILTERS]} aria-label="Show rows" />
      </Group>
      <Table.ScrollContainer minWidth={860}>
        <Table striped highlightOnHover aria-label="Rows of the file" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Verdict</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Agency</Table.Th>
              <Table.Th>Access level</Table.Th>
              <Table.Th w="34%">Details</Table.Th>
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
