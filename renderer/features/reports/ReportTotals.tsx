import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ReportResult } from '../../../shared/domain/reports';
import type { ReportDefinition } from '../../../shared/reports';
import { formatTotal } from './report-format';

/** The headline numbers, each with its label. */
export function ReportTotals({ definition, result }: { definition: ReportDefinition; result: ReportResult }) {
  return (
    <SimpleGrid cols={{ base: 2, md: Math.min(definition.totals.length, 5) }} spacing="sm" className="report-totals">
      {definition.totals.map((total) => (
        <Card key={total.key} withBorder padding="sm" data-testid={`report-total-${total.key}`}>
          <Text size="xl" fw={700} lh={1.2}>
            {formatTotal(total, result.totals[total.key])}
          </Text>
          <Text size="sm" c="dimmed">
            {total.label}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
