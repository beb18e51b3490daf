import { ActionIcon, Button, Group, Select, Title } from '@mantine/core';
import { accessLevelOptions, agencyOptions, useLookups } from '../../lookups/use-lookups';
import { monthOf, monthTitle, shiftMonth } from './calendar-grid';
import { useCalendarStore } from './calendar-store';

const toId = (value: string | null) => (value ? Number(value) : null);

/** Month steps and the filters; the filters stay when the month changes. */
export function CalendarToolbar({ month, today }: { month: string; today: string }) {
  const store = useCalendarStore();
  const { agencies, accessLevels, error } = useLookups();
  const show = (m: string) => store.showMonth(m);
  return (
    <Group justify="space-between" align="flex-end" className="no-print" wrap="wrap" gap="sm">
      <Group gap={6} align="center" role="group" aria-label="Month">
        <ActionIcon variant="default" size="lg" aria-label="Previous month" onClick={() => show(shiftMonth(month, -1))}>
          ‹
        </ActionIcon>
        <Title order={2} size="h3" className="calendar-month-title" aria-live="polite">
          {monthTitle(month)}
        </Title>
        <ActionIcon variant="default" size="lg" aria-label="Next month" onClick={() => show(shiftMonth(month, 1))}>
          ›
        </ActionIcon>
        <Button variant="default" size="sm" onClick={() => store.focusDay(today)} disabled={month === monthOf(today) && store.focused === today}>
          Today
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" role="search" aria-label="Filter the calendar">
        <Select
          label="Agency"
          placeholder="All agencies"
          data={agencyOptions(agencies)}
          value={store.agencyId === null ? null : String(store.agencyId)}
          onChange={(value) => store.setFilters({ agencyId: toId(value) })}
          searchable
          clearable
          nothingFoundMessage="No agency by that name"
          error={error?.message}
          w={240}
          size="sm"
        />
        <Select
          label="Access level"
          placeholder="All access levels"
          data={accessLevelOptions(accessLevels)}
          value={store.accessLevelId === null ? null : String(store.accessLevelId)}
          onChange={(value) => store.setFilters({ accessLevelId: toId(value) })}
          clearable
          w={250}
          size="sm"
        />
      </Group>
    </Group>
  );
}
