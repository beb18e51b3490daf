import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useShallow } from 'zustand/react/shallow';
import type { Input } from '../../../../shared/contract';
import { callQuery, useCall } from '../../../api/use-call';
import { countIn, monthRange, monthsBetween, weekBuckets, type Bucket } from './calendar-grid';
import { useCalendarStore, type Selection } from './calendar-store';

/** Rows per page of a people list; the core's largest page. */
export const AGENDA_PAGE = 500;
/** Enough for a county's busiest month on paper; beyond that the printout says how many it left out. */
export const PRINT_MAX_ROWS = 2000;

export interface CalendarFilters {
  agencyId?: number;
  accessLevelId?: number;
}

/** The agency and access level chosen, as call input. */
export function useCalendarFilters(): CalendarFilters {
  const [agencyId, accessLevelId] = useCalendarStore(useShallow((s) => [s.agencyId, s.accessLevelId]));
  return { agencyId: agencyId ?? undefined, accessLevelId: accessLevelId ?? undefined };
}

export function useMonthCounts(month: string) {
  return useCall('recert.calendar', { month, ...useCalendarFilters() });
}

/** Whether anyone is certified at all (no filters): the empty state's question. */
export function useAnyoneCertified() {
  return useCall('recert.due', { limit: 1 }, { select: (page) => page.total > 0 });
}

export function selectionInput(selection: Selection, filters: CalendarFilters): Input<'recert.due'> {
  const which = selection.kind === 'range' ? { from: selection.from, to: selection.to } : { statuses: [selection.status] };
  return { ...which, ...filters, limit: AGENDA_PAGE };
}

export function useSelectionPeople(selection: Selection | null) {
  const filters = useCalendarFilters();
  return useCall('recert.due', selection ? selectionInput(selection, filters) : { limit: 1 }, { enabled: selection !== null });
}

const agendaInput = (month: string, filters: CalendarFilters, page: number): Input<'recert.due'> => ({ ...monthRange(month), ...filters, offset: page * AGENDA_PAGE, limit: AGENDA_PAGE });

/** The month's people, soonest first, one query per page shown. */
export function useAgenda(month: string, pages: number) {
  const filters = useCalendarFilters();
  const results = useQueries({ queries: Array.from({ length: pages }, (_, page) => callQuery('recert.due', agendaInput(month, filters, page))) });
  return {
    rows: results.flatMap((r) => r.data?.items ?? []),
    total: results[0]?.data?.total ?? null,
    error: results.find((r) => r.error)?.error ?? null,
    loading: results.some((r) => r.isPending),
  };
}

/** Fetches the month's agenda up to PRINT_MAX_ROWS before printing, so paper gets more than the screen showed. */
export function usePrintAgenda(month: string) {
  const client = useQueryClient();
  const filters = useCalendarFilters();
  return async (): Promise<number> => {
    const first = await client.fetchQuery(callQuery('recert.due', agendaInput(month, filters, 0)));
    const pages = Math.ceil(Math.min(first.total, PRINT_MAX_ROWS) / AGENDA_PAGE);
    await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => client.fetchQuery(callQuery('recert.due', agendaInput(month, filters, i + 1)))));
    return Math.max(pages, 1);
  };
}

export interface GlanceWeek extends Bucket {
  count: number;
}

/** The next 90 days in weeks, with how many are overdue and lapsed now, under the same filters. */
export function useNextNinetyDays(today: string | undefined) {
  const filters = useCalendarFilters();
  const buckets = today ? weekBuckets(today) : [];
  const months = today && buckets.length ? monthsBetween(today, buckets.at(-1)!.to) : [];
  const maps = useQueries({ queries: months.map((month) => callQuery('recert.calendar', { month, ...filters })) });
  const status = (s: 'overdue' | 'lapsed') => callQuery('recert.due', { statuses: [s], ...filters, limit: 1 }, { select: (p) => p.total });
  const [overdue, lapsed] = useQueries({ queries: [status('overdue'), status('lapsed')] });
  const days = maps.flatMap((m) => m.data?.days ?? []);
  const loaded = maps.every((m) => m.isSuccess);
  return {
    weeks: loaded ? buckets.map((b): GlanceWeek => ({ ...b, count: countIn(days, b) })) : null,
    overdue: overdue?.data ?? null,
    lapsed: lapsed?.data ?? null,
    error: maps.find((m) => m.error)?.error ?? overdue?.error ?? lapsed?.error ?? null,
  };
}
