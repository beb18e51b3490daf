import { Alert, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { REQUEST_TYPE_LABELS, REQUEST_TYPES, type RequestType } from '../../../shared/domain/person';
import { REQUEST_STATUS_LABELS, REQUEST_STATUSES, type PersonRequest, type RequestStatus } from '../../../shared/domain/request';
import { accessLevelOptions, agencyOptions, useLookups } from '../lookups/use-lookups';
import { formatInstant } from '../people/format';
import { useCall, useCallMutation } from '../../api/use-call';

const TYPE_OPTIONS = REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }));
const STATUS_OPTIONS = REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] }));
const CLOSED: readonly RequestStatus[] = ['completed', 'cancelled'];

function requestWords(r: PersonRequest): string {
  if (r.type === 'change_access') return `${r.previousAccessLevelName ?? '?'} → ${r.accessLevelName ?? '?'}`;
  if (r.type === 'additional_agency') return `${r.agencyName ?? '?'} as ${r.accessLevelName ?? '?'}`;
  return [r.accessLevelName, r.agencyName].filter(Boolean).join(' at ');
}

function RequestLine({ request }: { request: PersonRequest }) {
  const update = useCallMutation('requests.update', { errorTitle: 'Status not changed' });
  const closed = CLOSED.includes(request.status);
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" role="listitem">
      <div>
        <Text size="sm" fw={600}>
          {REQUEST_TYPE_LABELS[request.type]}
        </Text>
        <Text size="sm">{requestWords(request)}</Text>
        <Text size="xs" c="dimmed">
          {formatInstant(request.createdAt)}
          {request.note ? ` · ${request.note}` : ''}
        </Text>
      </div>
      {closed ? (
        <Badge variant="light" color={request.status === 'completed' ? 'teal' : 'gray'}>
          {REQUEST_STATUS_LABELS[request.status]}
        </Badge>
      ) : (
        <Select
          size="xs"
          w={140}
          data={STATUS_OPTIONS}
          value={request.status}
          onChange={(v) => v && update.mutate({ id: request.id, status: v as RequestStatus })}
          disabled={update.isPending}
          allowDeselect={false}
          aria-label={`Status of the ${REQUEST_TYPE_LABELS[request.type].toLowerCase()} request`}
        />
      )}
    </Group>
  );
}

function NewRequestForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const { agencies, accessLevels, error: lookupsError } = useLookups();
  const create = useCallMutation('requests.create', { errorShownInPlace: true });
  const [type, setType] = useState<RequestType>('change_access');
  const [level, setLevel] = useState<string | null>(null);
  const [agency, setAgency] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const incomplete = (type === 'change_access' && !level) || (type === 'additional_agency' && !agency);

  function submit() {
    create.mutate({ personId, type, accessLevelId: level ? Number(level) : undefined, agencyId: agency ? Number(agency) : undefined, note }, { onSuccess: onDone });
  }

  return (
    <Stack gap="xs">
      <Select label="Request" data={TYPE_OPTIONS} value={type} onChange={(v) => v && setType(v as RequestType)} allowDeselect={false} />
      {(type === 'change_access' || type === 'additional_agency') && (
        <Select label="Access level asked for" data={accessLevelOptions(accessLevels)} value={level} onChange={setLevel} searchable />
      )}
      {type === 'additional_agency' && <Select label="Additional agency" data={agencyOptions(agencies)} value={agency} onChange={setAgency} searchable />}
      {lookupsError && <Alert color="red">{lookupsError.message}</Alert>}
      <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      {create.error && <Alert color="red">{create.error.message}</Alert>}
      <Group>
        <Button size="xs" onClick={submit} loading={create.isPending} disabled={incomplete}>
          Open request
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

/** The person's requests (registration, upgrades, another agency, deactivation), each with its status. */
export function PersonRequests({ personId }: { personId: number }) {
  const { data, error } = useCall('requests.list', { personId, limit: 100 });
  const items = data?.items ?? [];
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="requests-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="requests-title">
          Requests
        </Title>
        {!adding && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)} className="no-print">
            New request
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" mb="sm">
          {error.message}
        </Alert>
      )}
      {adding && <NewRequestForm personId={personId} onDone={() => setAdding(false)} />}
      <Stack gap="sm" role="list" aria-label="Requests">
        {items.map((r) => (
          <RequestLine key={r.id} request={r} />
        ))}
      </Stack>
    </Card>
  );
}
