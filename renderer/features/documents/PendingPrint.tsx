import { Button, Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DOCUMENT_KIND_SHORT, REJECT_REASON_TEXT } from '../../../shared/domain/document';
import { PENDING_SECTION_LABELS, PENDING_SECTIONS, type PendingRow, type PendingSection } from '../../../shared/domain/document-queue';
import { callQuery, useCall } from '../../api/use-call';
import { useLookups } from '../lookups/use-lookups';
import { formatDate, formatInstant } from '../people/format';
import { PrintFrame } from '../print/PrintFrame';
import { printAfter } from '../print/print-after';
import { usePendingStore } from './pending-store';

/** One query's worth: a tab on paper holds this many rows, the count in its heading says if there are more. */
export const PENDING_PRINT_ROWS = 500;

type PrintScope = 'tab' | 'all';

function printInput(section: PendingSection, agencyId: number | null, direction: 'asc' | 'desc') {
  return { section, direction, offset: 0, limit: PENDING_PRINT_ROWS, ...(agencyId ? { agencyId } : {}) };
}

const days = (n: number) => (n === 0 ? 'today' : `${n} ${n === 1 ? 'day' : 'days'}`);

function formsOf(row: PendingRow): string {
  return row.kinds.length === 2 ? 'Both forms' : row.kinds.map((k) => DOCUMENT_KIND_SHORT[k]).join(' and ');
}

function PrintedSection({ section }: { section: PendingSection }) {
  const { agencyId, direction } = usePendingStore();
  // From the cache "Print" filled: the printout is laid out right after this render.
  const data = useCall('documents.pending', printInput(section, agencyId, direction), { enabled: false }).data;
  if (!data) return null;
  const more = data.total > data.items.length ? `, the first ${data.items.length} printed` : '';
  return (
    <section className="print-section">
      <h2>
        {PENDING_SECTION_LABELS[section]} — {data.total.toLocaleString('en-US')}
        {more}
      </h2>
      {data.items.length === 0 ? (
        <p>Nobody.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Person</th>
              <th>Email</th>
              <th>Agency</th>
              <th>{section === 'missing' ? 'Missing' : 'Form'}</th>
              <th>Waiting</th>
              <th>{section === 'missing' ? 'Last reminder' : section === 'rejected' ? 'Rejected because' : 'Checks'}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((row) => (
              <tr key={`${row.personId}-${row.documentId ?? 'missing'}`}>
                <td>{row.personName}</td>
                <td>{row.email}</td>
                <td>{row.agencyName}</td>
                <td>{formsOf(row)}</td>
                <td>
                  {days(row.daysWaiting)}, since {section === 'missing' ? formatDate(row.registeredOn) : formatInstant(row.waitingSince)}
                </td>
                <td>{lastColumn(section, row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function lastColumn(section: PendingSection, row: PendingRow): string {
  if (section === 'missing') return row.lastReminderAt ? formatInstant(row.lastReminderAt) : 'Never';
  if (section === 'rejected') return row.rejectReasons.map((r) => REJECT_REASON_TEXT[r].label).join(', ') || '—';
  const counts = row.findingCounts;
  if (!counts) return '—';
  const parts = [counts.problems && `${counts.problems} problem${counts.problems === 1 ? '' : 's'}`, counts.checks && `${counts.checks} to check by eye`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'All checks passed';
}

/** The queue on paper: the chosen tab, or all three one after the other, each with its count. */
export function PendingPrint({ scope }: { scope: PrintScope }) {
  const { section, agencyId } = usePendingStore();
  const agency = useLookups().agencies.find((a) => a.id === agencyId);
  const sections = scope === 'all' ? PENDING_SECTIONS : [section];
  const which = scope === 'all' ? `All ${PENDING_SECTIONS.length} tabs: ${PENDING_SECTIONS.map((s) => PENDING_SECTION_LABELS[s]).join(', ')}` : `Tab: ${PENDING_SECTION_LABELS[section]}`;
  return (
    <PrintFrame title="Pending documents" filters={agency ? `Agency: ${agency.name}` : 'All agencies'} scope={which}>
      {sections.map((s) => (
        <PrintedSection key={s} section={s} />
      ))}
    </PrintFrame>
  );
}

/** "Print" with the choice of this tab or all tabs; loads every row of what is chosen first. */
export function usePendingPrintButton() {
  const client = useQueryClient();
  const [scope, setScope] = useState<PrintScope>('tab');
  const { section, agencyId, direction } = usePendingStore();
  const print = (chosen: PrintScope) => {
    setScope(chosen);
    const sections = chosen === 'all' ? PENDING_SECTIONS : [section];
    void printAfter(() => Promise.all(sections.map((s) => client.fetchQuery(callQuery('documents.pending', printInput(s, agencyId, direction))))));
  };
  const button = (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default">Print</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => print('tab')}>This tab: {PENDING_SECTION_LABELS[section]}</Menu.Item>
        <Menu.Item onClick={() => print('all')}>All {PENDING_SECTIONS.length} tabs</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
  return { button, scope };
}
