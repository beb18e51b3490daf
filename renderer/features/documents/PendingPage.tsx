import { Alert, Anchor, Badge, Button, Checkbox, Group, Pagination, SegmentedControl, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DOCUMENT_KIND_SHORT, REJECT_REASON_TEXT } from '../../../shared/domain/document';
import { PENDING_SECTION_LABELS, PENDING_SECTIONS, type PendingRow, type PendingSection } from '../../../shared/domain/document-queue';
import { useCall, useCallMutation } from '../../api/use-call';
import { href } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { useLookups } from '../lookups/use-lookups';
import { formatDate, formatInstant } from '../people/format';
import './documents.css';
import { PENDING_PAGE_SIZE, pendingInput, remindedSentence, usePendingStore } from './pending-store';
import { PendingPrint, usePendingPrintButton } from './PendingPrint';
import { ToSortList } from './ToSortList';

/** The watched folder's files waiting for a person: a tab beside the queue's sections. */
const TO_SORT = 'to_sort';

function useToSortCount(): number | null {
  return useCall('documents.toSort.list', {}).data?.length ?? null;
}

const days = (n: number) => (n === 0 ? 'today' : `${n} ${n === 1 ? 'day' : 'days'}`);

/** What the automatic checks found, before the form is opened: a clean form looks different from a bad one. */
function ChecksBadge({ counts }: { counts: NonNullable<PendingRow['findingCounts']> }) {
  const { problems, checks } = counts;
  const color = problems ? 'red' : checks ? 'orange' : 'teal';
  return (
    <Badge size="sm" variant="light" color={color} tt="none" display="block" mt={4} data-testid="checks-badge">
      {checkWords(counts)}
    </Badge>
  );
}

export function checkWords({ problems, checks }: { problems: number; checks: number }): string {
  const parts = [problems && `${problems} ${problems === 1 ? 'problem' : 'problems'}`, checks && `${checks} to check by eye`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'All checks passed';
}

function Row({ row, section }: { row: PendingRow; section: PendingSection }) {
  const selected = usePendingStore((s) => s.selected.has(row.personId));
  const toggle = usePendingStore((s) => s.toggle);
  const forms = row.kinds.length === 2 ? 'Both forms' : row.kinds.map((k) => DOCUMENT_KIND_SHORT[k]).join(' and ');
  return (
    // A row is a drop target: PDFs dropped on it are attached to this person.
    <Table.Tr data-person-id={row.personId} data-person-name={row.personName}>
      {section === 'missing' && (
        <Table.Td className="no-print">
          <Checkbox aria-label={`Select ${row.personName}`} checked={selected} onChange={() => toggle(row.personId)} />
        </Table.Td>
      )}
      <Table.Td>
        <Anchor href={href(`/people/${row.personId}`)}>{row.personName}</Anchor>
        <Text size="xs" c="dimmed">
          {row.email}
        </Text>
      </Table.Td>
      <Table.Td>{row.agencyName}</Table.Td>
      <Table.Td>
        {section === 'missing' ? forms : <Anchor href={href(`/documents/${row.documentId}`)}>{forms}</Anchor>}
        {section === 'review' && row.findingCounts && <ChecksBadge counts={row.findingCounts} />}
        {row.rejectReasons.length > 0 && (
          <Text size="xs" c="red">
            {row.rejectReasons.map((r) => REJECT_REASON_TEXT[r].label).join(', ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{days(row.daysWaiting)}</Text>
        <Text size="xs" c="dimmed">
          since {section === 'missing' ? `registration, ${formatDate(row.registeredOn)}` : formatInstant(row.waitingSince)}
        </Text>
      </Table.Td>
      {section === 'missing' && <Table.Td>{row.lastReminderAt ? formatInstant(row.lastReminderAt) : <Text size="sm" c="dimmed">Never</Text>}</Table.Td>}
      {section === 'review' && (
        <Table.Td className="no-print">
          <Button size="compact-sm" component="a" href={href(`/documents/${row.documentId}`)}>
            Review
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function usePending() {
  const state = usePendingStore();
  return useCall('documents.pending', pendingInput(state), { placeholderData: keepPreviousData });
}

function Toolbar({ items }: { items: readonly PendingRow[] }) {
  const { section, agencyId, direction, selected, set, select } = usePendingStore();
  const { agencies, error: lookupsError } = useLookups();
  const reminder = useCallMutation('documents.remind', {
    errorTitle: 'No reminders sent',
    onSuccess: (result) => {
      select([]);
      notifications.show({ color: 'teal', message: remindedSentence(result) });
    },
  });
  const remind = () => reminder.mutate({ personIds: [...selected] });
  const selectPage = (all: boolean) => select(all ? items.map((r) => r.personId) : []);
  return (
    <Group justify="space-between" className="no-print">
      <Group gap="sm">
        <Select label="Agency" placeholder="All agencies" clearable searchable w={260} data={agencies.map((a) => ({ value: String(a.id), label: a.name }))} value={agencyId ? String(agencyId) : null}
          error={lookupsError?.message} onChange={(v) => set({ agencyId: v ? Number(v) : null })} />
        <SegmentedControl
          aria-label="Order"
          mt={24}
          value={direction}
          onChange={(v) => set({ direction: v as 'asc' | 'desc' })}
          data={[
            { value: 'desc', label: 'Longest waiting first' },
            { value: 'asc', label: 'Newest first' },
          ]}
        />
      </Group>
      {section === 'missing' && (
        <Group gap="xs" mt={24}>
          <Button variant="default" onClick={() => selectPage(selected.size === 0)} disabled={items.length === 0}>
            {selected.size === 0 ? 'Select all on this page' : 'Clear selection'}
          </Button>
          <Button onClick={remind} loading={reminder.isPending} disabled={selected.size === 0}>
            Send reminder for missing documents ({selected.size})
          </Button>
        </Group>
      )}
    </Group>
  );
}

/** The Pending documents queue: missing forms, forms to review, forms rejected and not yet resent. */
export function PendingPage() {
  const { section, offset, set } = usePendingStore();
  const [sorting, setSorting] = useState(false);
  const toSortCount = useToSortCount();
  const pending = usePending();
  const items = pending.data?.items ?? [];
  const total = pending.data?.total ?? null;
  const counts = pending.data?.counts ?? null;
  const error = pending.error;
  const settled = pending.isSuccess || pending.isError;
  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);
  const pages = total ? Math.ceil(total / PENDING_PAGE_SIZE) : 0;
  const print = usePendingPrintButton();
  return (
    <>
      {/* On paper the print frame's tables stand in for the screen: every row of the chosen tabs, no drop hint. */}
      <Stack gap="md" className="screen-only">
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h2">
            Pending documents
          </Title>
          {print.button}
        </Group>
        <Text c="dimmed" size="sm">
          Drop PDFs (or the emails they came in) on a row to attach them to that person, or anywhere else to match them by what the forms say.
        </Text>
        {error && <Alert color="red">{error.message}</Alert>}
        <Tabs
          value={sorting ? TO_SORT : section}
          onChange={(v) => {
            if (!v) return;
            setSorting(v === TO_SORT);
            if (v !== TO_SORT) set({ section: v as PendingSection });
          }}
        >
          <Tabs.List>
            {PENDING_SECTIONS.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {PENDING_SECTION_LABELS[s]} ({counts ? counts[s].toLocaleString('en-US') : '…'})
              </Tabs.Tab>
            ))}
            <Tabs.Tab value={TO_SORT}>To sort ({toSortCount ?? '…'})</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {sorting ? <ToSortList /> : <Toolbar items={items} />}
        {sorting ? null : total === 0 ? (
          <Text>Nothing here.</Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={PENDING_SECTION_LABELS[section]}>
            <Table.Thead>
              <Table.Tr>
                {section === 'missing' && <Table.Th w={40} className="no-print" aria-label="Select" />}
                <Table.Th>Person</Table.Th>
                <Table.Th>Agency</Table.Th>
                <Table.Th>{section === 'missing' ? 'Missing' : 'Form'}</Table.Th>
                <Table.Th>Waiting</Table.Th>
                {section === 'missing' && <Table.Th>Last reminder</Table.Th>}
                {section === 'review' && <Table.Th className="no-print" aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Row key={`${row.personId}-${row.documentId ?? 'missing'}`} row={row} section={section} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!sorting && pages > 1 && (
          <Group justify="center" className="no-print">
            <Pagination total={pages} value={Math.floor(offset / PENDING_PAGE_SIZE) + 1} onChange={(p) => set({ offset: (p - 1) * PENDING_PAGE_SIZE })} />
          </Group>
        )}
      </Stack>
      <PendingPrint scope={print.scope} />
    </>
  );
}
