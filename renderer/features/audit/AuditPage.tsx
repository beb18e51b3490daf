import { Alert, Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { AUDIT_ENTITIES, type AuditEntity, type AuditEntry } from '../../../shared/domain/audit';
import { plural } from '../../../shared/plural';
import { downloadFile } from '../../app/download';
import { useCall, useCallMutation } from '../../api/use-call';
import { useAppStore } from '../app/app-store';
import { EntryBody, useAuditNames } from '../people/AuditTimeline';
import { formatInstant } from '../people/format';
import { AUDIT_PAGE_SIZE, useAuditStore } from './audit-store';

const ENTITY_LABELS: Record<AuditEntity, string> = {
  person: 'People', agency: 'Agencies', access_level: 'Access levels', setting: 'Settings', mail: 'Mail', mail_template: 'Mail templates', import: 'Imports', quiz: 'Quizzes', training_material: 'Training materials', document_to_sort: 'Documents to sort',
};

function Sentences({ entry }: { entry: AuditEntry }) {
  return <EntryBody entry={entry} names={useAuditNames()} />;
}

function Filters({ actions, operators }: { actions: string[]; operators: string[] }) {
  const { filters, setFilter, clear } = useAuditStore();
  return (
    <Group align="flex-end" className="no-print" wrap="wrap">
      <TextInput type="date" label="From" value={filters.from ?? ''} onChange={(e) => setFilter('from', e.currentTarget.value || undefined)} />
      <TextInput type="date" label="To" value={filters.to ?? ''} onChange={(e) => setFilter('to', e.currentTarget.value || undefined)} />
      <Select label="About" placeholder="Everything" clearable data={AUDIT_ENTITIES.map((value) => ({ value, label: ENTITY_LABELS[value] }))} value={filters.entity ?? null} onChange={(value) => setFilter('entity', (value as AuditEntity | null) ?? undefined)} />
      <Select label="Action" placeholder="Any action" clearable searchable data={actions} value={filters.action ?? null} onChange={(value) => setFilter('action', value ?? undefined)} />
      <Select label="Operator" placeholder="Anyone" clearable searchable data={operators} value={filters.operator ?? null} onChange={(value) => setFilter('operator', value ?? undefined)} />
      <Button variant="subtle" onClick={clear} disabled={!Object.keys(filters).length}>
        Clear filters
      </Button>
    </Group>
  );
}

/** The audit viewer: who did what and when, newest first, filtered, in sentences; printable and exportable. */
export function AuditPage() {
  const { filters, offset, page } = useAuditStore();
  const list = useCall('audit.list', { filters, offset, limit: AUDIT_PAGE_SIZE });
  const options = useCall('audit.filterOptions', {});
  const exporter = useCallMutation('audit.export', {
    errorTitle: 'Not exported',
    onSuccess: (file) => {
      downloadFile(file.fileName, file.contentType, file.bytes);
      notifications.show({ color: 'teal', title: 'Exported', message: `${plural(file.rows, 'entry', 'entries')} saved as ${file.fileName}.` });
    },
  });
  useEffect(() => {
    if (list.isSuccess || list.isError) useAppStore.getState().markPageReady();
  }, [list.isSuccess, list.isError]);

  const total = list.data?.total ?? 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Audit trail
          </Title>
          <Text c="dimmed" size="sm">
            Every change, by whom and when. Entries are never changed or removed; Settings → Verify the audit trail checks that none was.
          </Text>
        </div>
        <Group className="no-print">
          <Button variant="default" onClick={() => window.print()}>
            Print
          </Button>
          <Button variant="default" loading={exporter.isPending} onClick={() => exporter.mutate({ filters })}>
            Export CSV
          </Button>
        </Group>
      </Group>
      <Filters actions={options.data?.actions ?? []} operators={options.data?.operators ?? []} />
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {!list.data && !list.error && <Loader aria-label="Loading the audit trail" />}
      {list.data && (
        <>
          <Text size="sm" aria-live="polite">
            {total === 0 ? 'No entries match these filters.' : `${plural(total, 'entry', 'entries')}${total > AUDIT_PAGE_SIZE ? `, ${offset + 1}–${Math.min(offset + AUDIT_PAGE_SIZE, total)} shown` : ''}`}
          </Text>
          {total > 0 && (
            <Table striped aria-label="Audit entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Operator</Table.Th>
                  <Table.Th>About</Table.Th>
                  <Table.Th>What happened</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
                    </Table.Td>
                    <Table.Td>{entry.operator}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {entry.entity === 'person' && entry.entityId !== null ? <a href={`#/people/${entry.entityId}`}>Person #{entry.entityId}</a> : `${ENTITY_LABELS[entry.entity]}${entry.entityId === null ? '' : ` #${entry.entityId}`}`}
                    </Table.Td>
                    <Table.Td>
                      <Sentences entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {total > AUDIT_PAGE_SIZE && (
            <Group className="no-print">
              <Button variant="default" disabled={offset === 0} onClick={() => page(Math.max(0, offset - AUDIT_PAGE_SIZE))}>
                Newer
              </Button>
              <Button variant="default" disabled={offset + AUDIT_PAGE_SIZE >= total} onClick={() => page(offset + AUDIT_PAGE_SIZE)}>
                Older
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
