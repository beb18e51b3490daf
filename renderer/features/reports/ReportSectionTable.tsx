import { Stack, Table, Text, Title } from '@mantine/core';
import type { ReportSection } from '../../../shared/domain/reports';
import type { SectionDef } from '../../../shared/reports';
import { alignOf, formatCell, groupRows, shownColumns } from './report-format';

const count = new Intl.NumberFormat('en-US');

/** One section of a report as its definition lays it out: columns, sub-headings per group, its empty sentence. */
export function ReportSectionTable({ definition, section }: { definition: SectionDef; section: ReportSection }) {
  const columns = shownColumns(definition);
  const groupColumn = definition.columns.find((c) => c.key === definition.groupBy);
  const headingId = `report-section-${definition.key}`;
  return (
    <Stack gap={6} component="section" aria-labelledby={headingId} className="report-section" data-testid={`report-section-${definition.key}`}>
      <Title order={2} size="h4" id={headingId}>
        {definition.title}{' '}
        <Text span c="dimmed" size="sm" fw={400}>
          {section.total > section.rows.length ? `${count.format(section.rows.length)} of ${count.format(section.total)} shown — save as PDF or export for all` : count.format(section.total)}
        </Text>
      </Title>
      {section.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {definition.empty}
        </Text>
      ) : (
        <Table striped verticalSpacing={4} fz="sm" aria-labelledby={headingId} className="report-table">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={alignOf(c.kind)}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          {groupRows(section.rows, definition.groupBy).map(({ group, rows }, g) => (
            <Table.Tbody key={`${group ?? ''}-${g}`}>
              {group !== null && groupColumn && (
                <Table.Tr className="report-group">
                  <Table.Th colSpan={columns.length} scope="colgroup">
                    {formatCell(groupColumn.kind, group)} ({count.format(rows.length)})
                  </Table.Th>
                </Table.Tr>
              )}
              {rows.map((row, i) => (
                <Table.Tr key={i}>
                  {columns.map((c) => (
                    <Table.Td key={c.key} ta={alignOf(c.kind)}>
                      {formatCell(c.kind, row[c.key])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          ))}
        </Table>
      )}
    </Stack>
  );
}
