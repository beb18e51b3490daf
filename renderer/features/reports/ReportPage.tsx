import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect } from 'react';
import { REPORT_IDS, type ReportFilters as Filters, type ReportId } from '../../../shared/domain/reports';
import { reportDefinition, type ReportDefinition } from '../../../shared/reports';
import { useCall } from '../../api/use-call';
import { NotFoundPage } from '../../app/NotFoundPage';
import { href } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useAppStore } from '../app/app-store';
import { formatInstant } from '../people/format';
import { PrintFrame } from '../print/PrintFrame';
import { ReportActions } from './ReportActions';
import { ReportChart } from './ReportChart';
import { ReportFilters } from './ReportFilters';
import { cutSections, isEmptyResult } from './report-format';
import { rangeProblem, useReportStore } from './report-store';
import { ReportSectionTable } from './ReportSectionTable';
import { ReportTotals } from './ReportTotals';
import './reports.css';

const NO_FILTERS: Filters = {};
const isReportId = (id: string | undefined): id is ReportId => (REPORT_IDS as readonly string[]).includes(id ?? '');

/** `/reports/:id`: any report, laid out from its definition; no report has screen code of its own. */
export function ReportPage({ params }: PageProps) {
  if (!isReportId(params.id)) return <NotFoundPage />;
  return <Report definition={reportDefinition(params.id)} />;
}

function useReport(definition: ReportDefinition) {
  const filters = useReportStore((s) => s.filters[definition.id]) ?? NO_FILTERS;
  const problem = rangeProblem(filters);
  const input = { id: definition.id, filters };
  // A range the core would refuse is not asked for: the last good numbers stay, the field says why.
  const query = useCall('reports.run', input, { enabled: !problem, placeholderData: keepPreviousData });
  return { filters, input, query };
}

function Report({ definition }: { definition: ReportDefinition }) {
  const { filters, input, query } = useReport(definition);
  const result = query.data?.id === definition.id ? query.data : undefined;
  const settled = query.isSuccess || query.isError;
  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);
  const empty = result ? isEmptyResult(result) : false;
  const cut = result ? cutSections(definition, result) : [];
  return (
    <Stack gap="md" className="report-page" data-report={definition.id}>
      {result && <PrintFrame title={definition.title} filters={result.filterWords.join(' · ') || 'Everyone: no filters'} scope={cut.join('; ') || undefined} generatedAt={result.generatedAt} orientation={definition.landscape ? 'landscape' : 'portrait'} />}
      <Group justify="space-between" align="flex-end" className="no-print" wrap="nowrap">
        <div>
          <Anchor href={href('/reports')} size="sm">
            Reports
          </Anchor>
          <Title order={1} size="h2">
            {definition.title}
          </Title>
          <Text c="dimmed" size="sm">
            {definition.description}
          </Text>
        </div>
        <ReportActions input={input} disabled={!result || empty} />
      </Group>
      <Text size="sm" className="print-description">
        {definition.description}
      </Text>
      <ReportFilters definition={definition} filters={filters} />
      {query.error && (
        <Alert color="red" title="The report could not be made" className="no-print">
          <Group justify="space-between" wrap="nowrap">
            <span>{query.error.message}</span>
            <Button size="xs" variant="white" loading={query.isFetching} onClick={() => void query.refetch()}>
              Try again
            </Button>
          </Group>
        </Alert>
      )}
      {!result && !query.error && <Loader aria-label={`Making the ${definition.title} report`} />}
      {result && <ReportBody definition={definition} result={result} empty={empty} fetching={query.isFetching} />}
    </Stack>
  );
}

function ReportBody({ definition, result, empty, fetching }: { definition: ReportDefinition; result: NonNullable<ReturnType<typeof useReport>['query']['data']>; empty: boolean; fetching: boolean }) {
  return (
    <Stack gap="md" aria-busy={fetching} data-testid="report-body">
      <Text size="xs" c="dimmed" className="no-print" aria-live="polite">
        {fetching ? 'Updating…' : `Made ${formatInstant(result.generatedAt)}${result.filterWords.length ? ` · ${result.filterWords.join(' · ')}` : ''}`}
      </Text>
      {empty && (
        <Alert color="blue" variant="light" title="Nothing to report yet">
          {Object.keys(result.filters).length
            ? 'Nobody matches these filters. Widen the dates or choose another agency or access level.'
            : 'There is nobody in the database yet. Import registrations or add people, and this report fills in as they move through onboarding.'}
        </Alert>
      )}
      {!empty && <ReportTotals definition={definition} result={result} />}
      {!empty && definition.chart && <ReportChart chart={definition.chart} result={result} paperWidth={definition.landscape ? 960 : 700} />}
      {!empty &&
        definition.sections.map((section) => {
          const data = result.sections.find((s) => s.key === section.key);
          return data ? <ReportSectionTable key={section.key} definition={section} section={data} /> : null;
        })}
    </Stack>
  );
}
