import { flexRender, getCoreRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Person } from '../../../shared/domain/person';
import { navigate } from '../../app/router';
import { usePeopleListStore, type ListQuery, type SortField } from './people-list-store';
import { pagesOf, rowAt, usePeoplePages } from './use-people-pages';
import { GRID_TEMPLATE, PEOPLE_COLUMNS } from './people-columns';
import { fullName } from './format';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;
const KEY_MOVES: Record<string, (index: number, pageRows: number, last: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  PageDown: (i, page) => i + page,
  PageUp: (i, page) => i - page,
  Home: () => 0,
  End: (_i, _page, last) => last,
};

const CORE_ROW_MODEL = getCoreRowModel<Person>();

const openPerson = (person: Person | undefined) => person && navigate(`/people/${person.id}`);

/**
 * Where the list was when a person was opened, so coming back lands on the same row (the list is
 * worked top to bottom, one person after another). Kept while the query is the same object.
 */
const lastView = { query: null as ListQuery | null, scrollTop: 0, active: 0 };

/**
 * The master list: a virtual ARIA grid. Only the rows in view exist in the DOM and only their pages
 * are fetched, so 100,000 people scroll like 100. Rows are keyboard-focusable (roving tabindex).
 */
export function PeopleGrid({ total, firstPage }: { total: number; firstPage: Person[] | undefined }) {
  const { query, setQuery } = usePeopleListStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const returning = lastView.query === query;
  // A row to focus once it is rendered (after a keyboard move scrolled to it); given up after a second.
  const pendingFocus = useRef<{ index: number; until: number } | null>(returning ? { index: lastView.active, until: Date.now() + 1000 } : null);
  const shownQuery = useRef(query);
  const [active, setActive] = useState(returning ? lastView.active : 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only, never memoised.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: returning ? lastView.scrollTop : 0,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const fetched = usePeoplePages(query, total > 0 ? pagesOf(first, last) : []);
  // The first page keeps its previous rows while a new search loads (the grid is at the top then).
  const pages = useMemo(() => (fetched.has(0) || !firstPage ? fetched : new Map(fetched).set(0, firstPage)), [fetched, firstPage]);

  useLayoutEffect(() => {
    if (returning && scrollRef.current) scrollRef.current.scrollTop = lastView.scrollTop;
    // Only on mount: afterwards the user's scrolling is the truth.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new search, filter or sort starts at the top.
  useEffect(() => {
    if (shownQuery.current === query) return;
    shownQuery.current = query;
    scrollRef.current?.scrollTo({ top: 0 });
    setActive(0);
  }, [query]);

  useEffect(() => {
    lastView.query = query;
    lastView.active = active;
  }, [query, active]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target.index}"]`);
    if (row) row.focus();
    if (row || Date.now() > target.until) pendingFocus.current = null;
  });

  const visible = useMemo(() => items.map((item) => rowAt(pages, item.index)), [items, pages]);
  // Stable between renders: TanStack Table treats new data as a reason to reset and re-render.
  const data = useMemo(() => visible.filter((p): p is Person => p !== undefined), [visible]);
  const sorting: SortingState = [{ id: query.sort, desc: query.direction === 'desc' }];
  const table = useReactTable({
    data,
    columns: PEOPLE_COLUMNS,
    getCoreRowModel: CORE_ROW_MODEL,
    // The server sorts and pages; the table must never reset or re-sort rows on its own.
    manualSorting: true,
    manualPagination: true,
    autoResetAll: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (next) setQuery({ sort: next.id as SortField, direction: next.desc ? 'desc' : 'asc' });
    },
  });
  const rowsById = new Map(table.getRowModel().rows.map((row) => [row.original.id, row]));

  function moveTo(index: number) {
    const next = Math.min(Math.max(index, 0), total - 1);
    setActive(next);
    pendingFocus.current = { index: next, until: Date.now() + 1000 };
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>, index: number, person: Person | undefined) {
    const move = KEY_MOVES[event.key];
    if (move) {
      event.preventDefault();
      const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
      moveTo(move(index, pageRows, total - 1));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openPerson(person);
    }
  }

  const tabbable = items.some((item) => item.index === active) ? active : first;
  return (
    <div ref={scrollRef} className="people-grid" role="grid" aria-label="People" aria-rowcount={total + 1} aria-colcount={PEOPLE_COLUMNS.length} style={{ scrollPaddingTop: HEADER_HEIGHT }} onScroll={(event) => (lastView.scrollTop = event.currentTarget.scrollTop)}>
      <div role="rowgroup" className="people-grid-head">
        {table.getHeaderGroups().map((group) => (
          <div role="row" aria-rowindex={1} key={group.id} className="people-grid-row" style={{ gridTemplateColumns: GRID_TEMPLATE, height: HEADER_HEIGHT }}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <div role="columnheader" key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className="people-grid-cell">
                  <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()} title={`Sort by ${String(header.column.columnDef.header).toLowerCase()}`}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span aria-hidden="true" className="sort-mark">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div role="rowgroup" className="people-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item, i) => {
          const person = visible[i];
          const row = person && rowsById.get(person.id);
          return (
            <div
              role="row"
              key={item.key}
              data-index={item.index}
              data-person-id={person?.id}
              data-person-name={person ? fullName(person) : undefined}
              aria-rowindex={item.index + 2}
              aria-busy={person ? undefined : true}
              aria-label={person ? `${fullName(person)}, ${person.email}` : 'Loading'}
              tabIndex={item.index === tabbable ? 0 : -1}
              className="people-grid-row people-grid-data-row"
              style={{ gridTemplateColumns: GRID_TEMPLATE, height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              onClick={() => openPerson(person)}
              onFocus={() => setActive(item.index)}
              onKeyDown={(event) => onKeyDown(event, item.index, person)}
            >
              {row
                ? row.getVisibleCells().map((cell) => (
                    <div role="gridcell" key={cell.id} className="people-grid-cell">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                : PEOPLE_COLUMNS.map((c) => <div role="gridcell" key={c.id} className="people-grid-cell placeholder-cell" />)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
