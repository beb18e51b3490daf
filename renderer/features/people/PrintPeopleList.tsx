import { STAGE_LABELS } from '../../../shared/workflow';
import { useQueryClient } from '@tanstack/react-query';
import { notifyFailure } from '../../api/query-client';
import { usePrinting } from '../../app/use-printing';
import { useAppInfo } from '../app/use-app-info';
import { useLookups } from '../lookups/use-lookups';
import { DUE_FILTER_LABELS } from '../recert/recert-words';
import { formatDate, fullName, peopleCount } from './format';
import { usePeopleListStore } from './people-list-store';
import { fetchPeopleRows, pagesOf, useFirstPeoplePage, usePeoplePages } from './use-people-pages';

// Dates broken over three lines are hard to read down a column; the email column gives way instead.
const DATE_CELL = { whiteSpace: 'nowrap' } as const;

/** Enough for an agency's or a stage's list on paper; a whole county list belongs in an export. */
export const PRINT_MAX_ROWS = 2000;

/** Loads the first rows (up to PRINT_MAX_ROWS) so the printout is not just what was scrolled past. */
export function usePrintList() {
  const client = useQueryClient();
  const query = usePeopleListStore((s) => s.query);
  const total = useFirstPeoplePage(query).data?.total ?? 0;
  return async () => {
    try {
      if (total) await fetchPeopleRows(client, query, Math.min(total, PRINT_MAX_ROWS));
    } catch (error) {
      return notifyFailure(error, 'Not printed');
    }
    window.print();
  };
}

function useFilterSummary(): string {
  const query = usePeopleListStore((s) => s.query);
  const { agencies, accessLevels } = useLookups();
  const parts = [
    query.search.trim() && `matching “${query.search.trim()}”`,
    query.agencyId && `agency: ${agencies.find((a) => a.id === query.agencyId)?.name ?? query.agencyId}`,
    query.accessLevelId && `access level: ${accessLevels.find((l) => l.id === query.accessLevelId)?.name ?? query.accessLevelId}`,
    query.stage && `stage: ${STAGE_LABELS[query.stage]}`,
    query.due && `recertification: ${DUE_FILTER_LABELS[query.due].toLowerCase()}`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Everyone';
}

/** The master list as a plain table, rendered only while printing. */
export function PrintPeopleList() {
  const printing = usePrinting();
  const query = usePeopleListStore((s) => s.query);
  const total = useFirstPeoplePage(query).data?.total ?? null;
  // Read from the cache only: what the grid scrolled through, or what "Print" fetched first.
  const pages = usePeoplePages(query, pagesOf(0, Math.min(total ?? 0, PRINT_MAX_ROWS) - 1), false);
  const today = useAppInfo().data?.today;
  const summary = useFilterSummary();
  if (!printing || total === null) return null;

  const rows = [];
  for (let page = 0; pages.has(page) && rows.length < PRINT_MAX_ROWS; page += 1) rows.push(...(pages.get(page) ?? []));
  const shown = rows.slice(0, PRINT_MAX_ROWS);
  return (
    <section className="print-only print-list">
      <p className="print-meta">
        {summary} — {peopleCount(total)}
        {shown.length < total ? `, the first ${shown.length.toLocaleString('en-US')} printed` : ''}
        {today ? ` — printed ${formatDate(today)}` : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Agency</th>
            <th>Access level</th>
            <th>Registered</th>
            <th>Certified on</th>
            <th>Due on</th>
            <th>Stage</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((person) => (
            <tr key={person.id}>
              <td>{fullName(person)}</td>
              <td>{person.email}</td>
              <td>{person.agencyName}</td>
              <td>{person.accessLevelName}</td>
              <td style={DATE_CELL}>{formatDate(person.registeredOn)}</td>
              <td style={DATE_CELL}>{person.certifiedOn ? formatDate(person.certifiedOn) : '—'}</td>
              <td style={DATE_CELL}>{person.recertDueOn ? formatDate(person.recertDueOn) : '—'}</td>
              <td>{STAGE_LABELS[person.stage]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
