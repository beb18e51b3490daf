import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useAppInfo } from '../../app/use-app-info';
import { useAppStore } from '../../app/app-store';
import { AgendaList } from './AgendaList';
import { CalendarActions } from './CalendarActions';
import { CalendarToolbar } from './CalendarToolbar';
import { focusDayIn, monthOf } from './calendar-grid';
import { isDaySelected, useCalendarStore } from './calendar-store';
import { EmptyCalendar } from './EmptyCalendar';
import { HeatLegend } from './HeatLegend';
import { MonthGrid } from './MonthGrid';
import { NinetyDays } from './NinetyDays';
import { PrintMonth } from './PrintMonth';
import { SelectionPeople } from './SelectionPeople';
import { useAnyoneCertified, useMonthCounts } from './use-calendar';
import './calendar.css';

/** "Recertification": who falls due when, to plan the office's weeks by, print, and put in Outlook. */
export function RecertCalendarPage() {
  const today = useAppInfo().data?.today;
  const certified = useAnyoneCertified();
  const month = useCalendarStore((s) => s.month) ?? (today ? monthOf(today) : null);
  const settled = certified.isSuccess || certified.isError;
  useEffect(() => {
    if (settled && (certified.data === false || certified.isError)) useAppStore.getState().markPageReady();
  }, [settled, certified.data, certified.isError]);

  return (
    <Stack gap="sm" className="recert-calendar">
      <Group justify="space-between" align="flex-end" className="no-print">
        <div>
          <Title order={1} size="h2">
            Recertification
          </Title>
          <Text c="dimmed" size="sm">
            Who must pass the recertification quiz by when. Pick a day to see its people.
          </Text>
        </div>
        {month && certified.data && <CalendarActions month={month} />}
      </Group>
      {certified.error && <Alert color="red">{certified.error.message}</Alert>}
      {!today || certified.isPending ? <Loader aria-label="Loading the calendar" /> : certified.data ? <Calendar today={today} /> : <EmptyCalendar />}
    </Stack>
  );
}

function Calendar({ today }: { today: string }) {
  const store = useCalendarStore();
  const month = store.month ?? monthOf(today);
  const focused = focusDayIn(month, store.focused, today);
  const counts = useMonthCounts(month);
  const countMap = useMemo(() => new Map((counts.data?.days ?? []).map((d) => [d.date, d.count])), [counts.data]);
  const selectedDay = store.selection?.kind === 'range' && isDaySelected(store.selection, store.selection.from) ? store.selection.from : null;
  useEffect(() => {
    if (counts.isSuccess || counts.isError) useAppStore.getState().markPageReady();
  }, [counts.isSuccess, counts.isError]);

  const openDay = (date: string) => {
    store.focusDay(date);
    store.select({ kind: 'range', from: date, to: date });
  };

  return (
    <>
      <div className="screen-only calendar-screen">
        <CalendarToolbar month={month} today={today} />
        {counts.error && <Alert color="red">{counts.error.message}</Alert>}
        <div className="calendar-columns">
          <div className="calendar-month" data-testid="month-grid">
            <MonthGrid month={month} today={today} counts={countMap} focused={focused} selected={selectedDay} onFocusDay={store.focusDay} onOpenDay={openDay} />
            <Group justify="space-between" mt={6}>
              <HeatLegend max={Math.max(0, ...countMap.values())} />
              <Text size="sm" c="dimmed" data-testid="month-total">
                {counts.data ? `${counts.data.total.toLocaleString('en-US')} due in the month` : ' '}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              Keys: arrows move by day and week, Page Up/Down by month, Enter opens the day.
            </Text>
          </div>
          <aside className="calendar-side" aria-label="People due">
            {store.selection ? <SelectionPeople selection={store.selection} onClose={() => closeSelection(focused)} /> : <NinetyDays today={today} />}
          </aside>
        </div>
        <AgendaList month={month} counts={countMap} />
      </div>
      <PrintMonth month={month} counts={countMap} total={counts.data?.total ?? 0} />
    </>
  );
}

/** Back to the glance; focus returns to the day the list came from. */
function closeSelection(focused: string) {
  useCalendarStore.getState().select(null);
  requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`.month-grid button[data-date="${focused}"]`)?.focus());
}
