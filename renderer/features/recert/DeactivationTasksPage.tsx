import { Alert, Anchor, Badge, Button, Group, List, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DeactivationTask } from '../../../shared/domain/recert';
import { plural } from '../../../shared/plural';
import { href } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { formatDate } from '../people/format';
import { PrintFrame } from '../print/PrintFrame';
import { rangeWords } from '../print/range-words';
import { ConfirmDeactivatedDialog, type DeactivationTarget } from './ConfirmDeactivatedDialog';
import { deactivationWhy } from './reminder-words';
import { TASKS_PAGE_SIZE, useDeactivationTasks } from './use-deactivations';

function TaskRow({ task, onConfirm }: { task: DeactivationTask; onConfirm: (t: DeactivationTarget) => void }) {
  const why = deactivationWhy(task, formatDate);
  return (
    <Table.Tr data-testid="deactivation-task" data-person-id={task.personId}>
      <Table.Td>
        <Anchor href={href(`/people/${task.personId}`)} fw={500} size="sm">
          {task.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {task.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" align="center">
          <Badge size="sm" variant="light" color={task.reason === 'lapsed' ? 'orange' : 'grape'} tt="none">
            {task.reason === 'lapsed' ? 'Lapsed' : 'Requested'}
          </Badge>
          <Text size="sm">{why.headline}</Text>
        </Group>
        {why.detail && (
          <Text size="xs" c="dimmed">
            {why.detail}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{task.agencyName}</Text>
        <Text size="xs" c="dimmed">
          {task.supervisorName || task.supervisorEmail ? `Supervisor: ${[task.supervisorName, task.supervisorEmail].filter(Boolean).join(', ')}` : 'No supervisor on file'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {task.hmisUserName ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td className="no-print" ta="right">
        <Button size="compact-sm" variant="light" color="red" onClick={() => onConfirm(task)} aria-label={`Confirm ${task.name} deactivated`}>
          Confirm deactivated…
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function TaskTable({ items, onConfirm }: { items: DeactivationTask[]; onConfirm: (t: DeactivationTarget) => void }) {
  return (
    // Fixed widths: long agency names and emails wrap inside their column instead of pushing the button off screen.
    <Table striped withTableBorder verticalSpacing={6} layout="fixed" aria-label="Deactivation tasks" style={{ overflowWrap: 'anywhere' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="24%">Person</Table.Th>
          <Table.Th w="20%">Why</Table.Th>
          <Table.Th w="25%">Agency and supervisor</Table.Th>
          <Table.Th w="11%">HMIS user name</Table.Th>
          <Table.Th w={200} className="no-print" aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((task) => (
          <TaskRow key={task.personId} task={task} onConfirm={onConfirm} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Lapsed people and deactivation requests: close the account in the HMIS, then confirm it here. */
export function DeactivationTasksPage() {
  const [wanted, setOffset] = useState(0);
  const [target, setTarget] = useState<DeactivationTarget | null>(null);
  const probe = useDeactivationTasks(wanted);
  const probed = probe.data?.total ?? null;
  // The last task of the last page confirmed: show the page before rather than an empty one (the same query when nothing moved).
  const offset = probed !== null && wanted > 0 && wanted >= probed ? Math.max(0, Math.ceil(probed / TASKS_PAGE_SIZE) - 1) * TASKS_PAGE_SIZE : wanted;
  const page = useDeactivationTasks(offset);
  const total = page.data?.total ?? null;
  const items = page.data?.items ?? [];
  const settled = page.isSuccess || page.isError;
  const pages = total === null ? 0 : Math.ceil(total / TASKS_PAGE_SIZE);

  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);

  return (
    <Stack gap="md">
      <PrintFrame title="Deactivation tasks" filters="Lapsed recertifications and deactivation requests" scope={total === null ? undefined : rangeWords(offset, items.length, total, 'account', 'accounts')} />
      <Group justify="space-between" align="flex-end" className="no-print">
        <div>
          <Title order={1} size="h2">
            Deactivation tasks
          </Title>
          <Text c="dimmed" size="sm">
            Lapsed recertifications (past the grace period) and deactivation requests from registrations, person pages and the roster check.
          </Text>
        </div>
        <Group className="no-print">
          <Button variant="default" onClick={() => window.print()} disabled={!total}>
            Print
          </Button>
        </Group>
      </Group>
      <List type="ordered" size="sm" spacing={2} className="no-print">
        <List.Item>Deactivate the account in the HMIS vendor&apos;s system.</List.Item>
        <List.Item>Confirm here with “Confirm deactivated…”: the person is deactivated and their supervisor is notified by email.</List.Item>
      </List>
      <Text size="sm" data-testid="queue-count" className="no-print">
        {total === null ? 'Loading…' : total === 0 ? '' : `${plural(total, 'account', 'accounts')} to deactivate`}
      </Text>
      {page.error && <Alert color="red">{page.error.message}</Alert>}
      {total === 0 && (
        <Alert color="teal" variant="light" title="Nothing to deactivate">
          Nobody has lapsed and no deactivation is requested. People whose recertification lapses, and deactivation requests, appear here.
        </Alert>
      )}
      {items.length > 0 && <TaskTable items={items} onConfirm={setTarget} />}
      {pages > 1 && (
        <Group justify="center" className="no-print">
          <Pagination total={pages} value={Math.floor(offset / TASKS_PAGE_SIZE) + 1} onChange={(p) => setOffset((p - 1) * TASKS_PAGE_SIZE)} />
        </Group>
      )}
      <ConfirmDeactivatedDialog target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
