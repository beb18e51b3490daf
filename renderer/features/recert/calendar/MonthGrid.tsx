import { useEffect, useRef, type KeyboardEvent } from 'react';
import { dayLabel, heatLevel, monthOf, monthTitle, monthWeeks, moveDay, WEEKDAYS } from './calendar-grid';

export interface MonthGridProps {
  month: string;
  today: string;
  counts: ReadonlyMap<string, number>;
  /** The day holding the tab stop; moving it (arrow keys) is the caller's to follow. */
  focused: string;
  selected: string | null;
  /** Printed: no buttons, nothing to focus. */
  static?: boolean;
  onFocusDay?(date: string): void;
  onOpenDay?(date: string): void;
}

const dayNumber = (date: string) => Number(date.slice(8, 10));

/**
 * The month as a table of weeks, each day with how many people are due, tinted by a heat step.
 * The number is always written, so the heat is never the only way to read it. One day holds the
 * tab stop; arrow keys, Home/End and PageUp/PageDown move it (into the next month too).
 */
export function MonthGrid({ month, today, counts, focused, selected, static: printed = false, onFocusDay, onOpenDay }: MonthGridProps) {
  const table = useRef<HTMLTableElement>(null);
  const max = Math.max(0, ...counts.values());
  const moved = useRef(false);

  useEffect(() => {
    // Focus follows the keyboard only: opening the page or clicking "Next month" leaves focus where it was.
    if (!moved.current) return;
    moved.current = false;
    table.current?.querySelector<HTMLButtonElement>(`button[data-date="${focused}"]`)?.focus();
  }, [focused, month]);

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const next = moveDay(focused, event.key);
    if (!next) return;
    event.preventDefault();
    moved.current = true;
    onFocusDay?.(next);
  }

  return (
    <table ref={table} className="month-grid" aria-label={`${monthTitle(month)}: people due each day`} onKeyDown={printed ? undefined : onKeyDown}>
      <thead>
        <tr>
          {WEEKDAYS.map((day) => (
            <th key={day} scope="col" abbr={day}>
              {day.slice(0, 3)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month).map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              if (monthOf(date) !== month) return <td key={date} className="month-day outside" aria-hidden="true" />;
              const count = counts.get(date) ?? 0;
              const content = (
                <>
                  <span className="month-day-number">
                    {dayNumber(date)}
                    {date === today && <span className="month-day-today"> Today</span>}
                  </span>
                  <span className="month-day-count">{count > 0 ? count : ''}</span>
                </>
              );
              return (
                <td key={date} className="month-day" data-heat={heatLevel(count, max)} data-today={date === today || undefined}>
                  {printed ? (
                    <div className="month-day-inner">{content}</div>
                  ) : (
                    <button
                      type="button"
                      className="month-day-inner"
                      data-date={date}
                      tabIndex={date === focused ? 0 : -1}
                      aria-label={`${dayLabel(date, count)}${date === today ? ' (today)' : ''}`}
                      aria-pressed={date === selected}
                      onClick={() => onOpenDay?.(date)}
                      onFocus={() => date !== focused && onFocusDay?.(date)}
                    >
                      {content}
                    </button>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
