import { create } from 'zustand';
import type { RecertStatus } from '../../../../shared/recert';
import { monthOf } from './calendar-grid';

/** What the people panel lists: one day, a week of the next 90 days, or everyone overdue or lapsed. */
export type Selection = { kind: 'range'; from: string; to: string } | { kind: 'status'; status: Extract<RecertStatus, 'overdue' | 'lapsed'> };

interface CalendarStore {
  /** The month shown; null until the page knows today's month. */
  month: string | null;
  /** The day that holds the grid's tab stop (roving focus). */
  focused: string | null;
  selection: Selection | null;
  agencyId: number | null;
  accessLevelId: number | null;
  /** How many pages of the month's agenda are shown. */
  agendaPages: number;
  showMonth(month: string): void;
  /** Moves the tab stop, and the month with it when the day is in another month. */
  focusDay(date: string): void;
  select(selection: Selection | null): void;
  setFilters(patch: Partial<Pick<CalendarStore, 'agencyId' | 'accessLevelId'>>): void;
  showMoreAgenda(): void;
}

/** The calendar's UI state: it outlives the page, so coming back finds the same month and filters. */
export const useCalendarStore = create<CalendarStore>()((set, get) => ({
  month: null,
  focused: null,
  selection: null,
  agencyId: null,
  accessLevelId: null,
  agendaPages: 1,
  showMonth: (month) => set(month === get().month ? {} : { month, agendaPages: 1 }),
  focusDay(date) {
    get().showMonth(monthOf(date));
    set({ focused: date });
  },
  select: (selection) => set({ selection }),
  // A filter changes who is due, not the month: the month, the focus and an open day stay.
  setFilters: (patch) => set({ ...patch, agendaPages: 1 }),
  showMoreAgenda: () => set({ agendaPages: get().agendaPages + 1 }),
}));

export const isDaySelected = (selection: Selection | null, date: string): boolean => selection?.kind === 'range' && selection.from === date && selection.to === date;
