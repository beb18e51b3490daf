import { STAGE_LABELS, type Stage } from '../../../shared/workflow';
import { useQueryClient } from '@tanstack/react-query';
import { notifyFailure } from '../../api/query-client';
import { usePrinting } from '../../app/use-printing';
import { PrintFrame } from '../print/PrintFrame';
import { useLookups } from '../lookups/use-lookups';
import { DUE_FILTER_LABELS } from '../recert/recert-words';
import { formatDate, fullName, peopleCount } from './format';
import { usePeopleListStore } from './people-list-store';
import { fetchPeopleRows, pagesOf, useFirstPeoplePage, usePeoplePages } from './use-people-pages';

// Fixed column widths, measured on 7.5pt Arial across a landscape Letter page: nearly every row
// takes one line (a 250-person list on 7 pages). The longest agency and level names wrap, and a long
// email breaks after its @, where a reader expects it to.
const COLUMNS = [
  ['Name', '10.5%'],
  ['Email', '20.5%'],
  ['Agency', '17.5%'],
  ['Access level', '19%'],
  ['Registered', '7.2%'],
  ['Certified on', '7.2%'],
  ['Due on', '7.2%'],
  ['Stage', '10.9%'],
] as const;

/** The stage in a few words, for a column on paper; the screen's badges keep the longer labels. */
export const PRINTED_STAGE: Record<Stage, string> = {
  awaiting_documents: 'Awaiting documents',
  documents_in_review: 'Documents in review',
  documents_rejected: 'Documents rejected',
  documents_accepted: 'Ready for training',
  training_sent: 'Awaiting quiz',
  quiz_passed: 'Credentials to issue',
  active: 'Active',
  recert_due_soon: 'Recert. due soon',
  recert_due: 'Recert. due',
  recert_overdue: 'Recert. overdue',
  lapsed: 'Lapsed',
  deactivation_requested: 'Deactivation requested',
  deactivated: 'Deactivated',
};

function EmailCell({ email }: { email: string }) {
  const at = email.indexOf('@');
  return (
    <td>
      {at < 0 ? (
        email
      ) : (
        <>
          {email.slice(0, at + 1)}
          <wbr />
          {email.slice(at + 1)}
        </>
      )}
    </td>
  );
}

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
  const summary = useFilterSummary();
  if (!printing || total === null) return null;

  const rows = [];
  for (let page = 0; pages.has(page) && rows.length < PRINT_MAX_ROWS; page += 1) rows.push(...(pages.get(page) ?? []));
  const shown = rows.slice(0, PRINT_MAX_ROWS);
  const scope = `${peopleCount(total)}${shown.length < total ? `, the first ${shown.length.toLocaleString('en-US')} printed (export the rest)` : ''}`;
  return (
    <PrintFrame title="Master list" filters={summary} scope={scope}>
      <table className="print-list print-fixed">
        <colgroup>
          {COLUMNS.map(([name, width]) => (
            <col key={name} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map(([name]) => (
              <th key={name}>{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((person) => (
            <tr key={person.id}>
              <td>{fullName(person)}</td>
              <EmailCell email={person.email} />
              <td>{person.agencyName}</td>
              <td>{person.accessLevelName}</td>
              <td>{formatDate(person.registeredOn)}</td>
              <td>{person.certifiedOn ? formatDate(person.certifiedOn) : '—'}</td>
              <td>{person.recertDueOn ? formatDate(person.recertDueOn) : '—'}</td>
              <td>{PRINTED_STAGE[person.stage]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PrintFrame>
  );
}
