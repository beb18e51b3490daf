import { usePrinting } from '../../../app/use-printing';
import { useAppInfo } from '../../app/use-app-info';
import { PrintFrame } from '../../print/PrintFrame';
import { useLookups } from '../../lookups/use-lookups';
import { peopleCount } from '../../people/format';
import { monthTitle } from './calendar-grid';
import { AgendaTable } from './AgendaTable';
import { HeatLegend } from './HeatLegend';
import { MonthGrid } from './MonthGrid';
import { AGENDA_PAGE, PRINT_MAX_ROWS, useAgenda, useCalendarFilters } from './use-calendar';

function useFilterSummary(): string {
  const { agencyId, accessLevelId } = useCalendarFilters();
  const { agencies, accessLevels } = useLookups();
  const parts = [agencyId && `agency: ${agencies.find((a) => a.id === agencyId)?.name ?? agencyId}`, accessLevelId && `access level: ${accessLevels.find((l) => l.id === accessLevelId)?.name ?? accessLevelId}`].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'All agencies and access levels';
}

/** The month on paper: the grid with its numbers and the agenda, no buttons; rendered only while printing. */
export function PrintMonth({ month, counts, total }: { month: string; counts: ReadonlyMap<string, number>; total: number }) {
  const printing = usePrinting();
  const today = useAppInfo().data?.today ?? '';
  const summary = useFilterSummary();
  const pages = Math.max(1, Math.ceil(Math.min(total, PRINT_MAX_ROWS) / AGENDA_PAGE));
  // Read from the cache that "Print month" filled: the printout is laid out right after this render.
  const { rows } = useAgenda(month, printing ? pages : 1);
  if (!printing) return null;
  const shown = rows.slice(0, PRINT_MAX_ROWS);
  const scope = `${peopleCount(total)} due${shown.length < total ? `, the first ${shown.length.toLocaleString('en-US')} listed` : ''}`;
  return (
    <PrintFrame title={`Recertification due — ${monthTitle(month)}`} filters={summary} scope={scope} orientation="portrait">
      <section className="print-month">
        <MonthGrid month={month} today={today} counts={counts} focused="" selected={null} static />
        <HeatLegend max={Math.max(0, ...counts.values())} />
        {shown.length > 0 && <AgendaTable rows={shown} counts={counts} printed />}
      </section>
    </PrintFrame>
  );
}
