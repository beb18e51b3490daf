import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { REPORTS } from '../../../shared/reports';
import { href } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { AgencyPacksCard } from './AgencyPacksCard';

/** `/reports`: one card per report definition, in the order the definitions list them. */
export function ReportsIndexPage() {
  useEffect(() => useAppStore.getState().markPageReady(), []);
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Reports
        </Title>
        <Text c="dimmed" size="sm">
          For agencies and the Continuum of Care: on screen, printed, as a PDF, or as a spreadsheet.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {Object.values(REPORTS).map((report) => (
          <Card key={report.id} withBorder padding="md" component="article" aria-labelledby={`report-card-${report.id}`}>
            <Title order={2} size="h4" id={`report-card-${report.id}`}>
              <Anchor href={href(`/reports/${report.id}`)} inherit>
                {report.title}
              </Anchor>
            </Title>
            <Text size="sm" mt={4}>
              {report.description}
            </Text>
            <Text size="xs" c="dimmed" mt="xs">
              {report.chart ? `Chart: ${report.chart.title.toLowerCase()}. ` : ''}
              {report.sections.map((s) => s.title).join(', ')}.
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <AgencyPacksCard />
    </Stack>
  );
}
