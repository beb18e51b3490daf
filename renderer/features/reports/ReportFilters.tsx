import { Button, Group, Select, TextInput } from '@mantine/core';
import type { ReportFilters as Filters } from '../../../shared/domain/reports';
import type { ReportDefinition } from '../../../shared/reports';
import { accessLevelOptions, agencyOptions, useLookups } from '../lookups/use-lookups';
import { rangeProblem, useReportStore } from './report-store';

/** The filters a report's definition names, and nothing else: a report without a date range shows none. */
export function ReportFilters({ definition, filters }: { definition: ReportDefinition; filters: Filters }) {
  const setFilters = useReportStore((s) => s.setFilters);
  const clear = useReportStore((s) => s.clear);
  const { agencies, accessLevels, error } = useLookups();
  const set = (changes: Parameters<typeof setFilters>[1]) => setFilters(definition.id, changes);
  const has = (name: ReportDefinition['filters'][number]) => definition.filters.includes(name);
  const problem = rangeProblem(filters);
  const any = Object.keys(filters).length > 0;
  return (
    <Group align="flex-start" gap="sm" wrap="wrap" className="no-print" role="search" aria-label={`Filter ${definition.title}`}>
      {has('dateRange') && (
        <>
          <TextInput type="date" label={`${definition.dateRangeMeans ?? 'Dates'} from`} value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value })} w={170} />
          <TextInput type="date" label="to" value={filters.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value })} error={problem} w={170} />
        </>
      )}
      {has('agency') && (
        <Select
          label="Agency"
          placeholder="All agencies"
          data={agencyOptions(agencies)}
          value={filters.agencyId ? String(filters.agencyId) : null}
          onChange={(v) => set({ agencyId: v ? Number(v) : undefined })}
          searchable
          clearable
          nothingFoundMessage="No agency by that name"
          error={error?.message}
          w={240}
        />
      )}
      {has('accessLevel') && (
        <Select
          label="Access level"
          placeholder="All access levels"
          data={accessLevelOptions(accessLevels)}
          value={filters.accessLevelId ? String(filters.accessLevelId) : null}
          onChange={(v) => set({ accessLevelId: v ? Number(v) : undefined })}
          clearable
          w={240}
        />
      )}
      {any && (
        <Button variant="subtle" mt={25} onClick={() => clear(definition.id)}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
