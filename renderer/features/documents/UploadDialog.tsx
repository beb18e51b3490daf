import { Anchor, Badge, Button, Group, Progress, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { DOCUMENT_KIND_SHORT, type DocumentKind } from '../../../shared/domain/document';
import { Dialog } from '../../app/Dialog';
import { href } from '../../app/router';
import { findingsSummary } from './document-words';
import { PersonPicker } from '../people/PersonPicker';
import { useUploadStore, type UploadItem } from './upload-store';

const STATUS_WORDS: Record<UploadItem['status'], { label: string; color: string }> = {
  waiting: { label: 'Waiting', color: 'gray' },
  reading: { label: 'Reading…', color: 'blue' },
  attached: { label: 'Attached', color: 'teal' },
  refused: { label: 'Not attached', color: 'red' },
  'choose-person': { label: 'Confirm', color: 'orange' },
  'choose-kind': { label: 'Choose the form', color: 'orange' },
  'wrong-person': { label: 'Whose form?', color: 'orange' },
};

/** The form names someone else on the list: ask, with the three answers, before anything is written. */
function WrongPerson({ item }: { item: UploadItem }) {
  const resolve = useUploadStore((s) => s.resolveWrongPerson);
  const running = useUploadStore((s) => s.running);
  const named = item.named;
  const here = useUploadStore((s) => s.personName);
  if (!named) return null;
  const first = named.name.split(' ')[0];
  return (
    <Stack gap={6} role="group" aria-label={`Whose form is ${item.label}`}>
      <Text size="sm">
        This form is for <strong>{named.name}</strong> ({named.email}) — attach to {first} instead?
      </Text>
      <Group gap="xs">
        <Button size="xs" disabled={running} onClick={() => void resolve(item.key, 'named')}>
          Attach to {named.name}
        </Button>
        <Button size="xs" variant="default" disabled={running} onClick={() => void resolve(item.key, 'here')}>
          Attach to {here ?? 'this person'} anyway
        </Button>
        <Button size="xs" variant="subtle" disabled={running} onClick={() => void resolve(item.key, 'none')}>
          Don’t attach
        </Button>
      </Group>
    </Stack>
  );
}

function KindChoice({ item }: { item: UploadItem }) {
  const choose = useUploadStore((s) => s.choose);
  return (
    <SegmentedControl
      size="xs"
      aria-label={`Which form is ${item.label}`}
      value={item.kind ?? ''}
      onChange={(kind) => choose(item.key, { kind: kind as DocumentKind })}
      data={[
        { value: 'staff_verification', label: 'Staff Verification' },
        { value: 'end_user_agreement', label: 'End User Agreement' },
      ]}
    />
  );
}

/** What happened to one file, in words, with a way to act on it. */
function Outcome({ item, matching }: { item: UploadItem; matching: boolean }) {
  const doc = item.result?.document;
  if (item.status === 'attached' && doc) {
    return (
      <Text size="sm">
        {DOCUMENT_KIND_SHORT[doc.kind]} of {doc.personName}: {findingsSummary(doc.findings)}.{' '}
        <Anchor href={href(`/documents/${doc.id}`)} onClick={() => useUploadStore.getState().close()}>
          Review
        </Anchor>
      </Text>
    );
  }
  if (item.status === 'choose-person' && matching) {
    const r = item.recognition;
    return (
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {r?.kind === 'other' ? 'Could not tell which form this is.' : `Reads as ${DOCUMENT_KIND_SHORT[r?.kind as DocumentKind]}.`} {r?.values.userName ? `Names ${r.values.userName}.` : ''}
        </Text>
        <PersonPicker
          label={`Person for ${item.label}`}
          value={item.personId}
          onChange={(personId) => useUploadStore.getState().choose(item.key, { personId })}
          suggested={(r?.candidates ?? []).map((c) => ({ value: String(c.personId), label: `${c.name} — ${c.email} (${Math.round(c.confidence * 100)}%, ${c.reason})` }))}
          placeholder={r?.candidates.length ? 'Choose a person' : 'No match on the form — type a name or email'}
        />
        {r?.kind === 'other' && <KindChoice item={item} />}
      </Stack>
    );
  }
  if (item.status === 'wrong-person') return <WrongPerson item={item} />;
  if (item.status === 'choose-kind') {
    return (
      <Stack gap={4}>
        <Text size="sm">{item.message}</Text>
        <KindChoice item={item} />
      </Stack>
    );
  }
  return item.message ? (
    <Text size="sm" c={item.status === 'refused' ? 'red' : undefined}>
      {item.message}
    </Text>
  ) : null;
}

/** A batch of dropped files: "n of m" while it runs, then a result per file. */
export function UploadDialog() {
  const { mode, items, running, current, confirm, close } = useUploadStore();
  const matching = mode === 'match';
  const done = items.filter((i) => i.status !== 'waiting' && i.status !== 'reading').length;
  const waitingForChoice = items.some((i) => i.status === 'choose-person' || i.status === 'choose-kind');
  const ready = items.filter((i) => (i.status === 'choose-person' && i.personId) || (i.status === 'choose-kind' && i.kind)).length;
  const title = matching ? 'Match the dropped files to people' : 'Attaching documents';
  return (
    <Dialog opened={mode !== null} onClose={close} title={title} size="xl">
      <Stack gap="sm" data-testid="upload-dialog">
        <Text size="sm" aria-live="polite">
          {running ? `${matching && !done ? 'Reading' : 'Working on'} file ${Math.min(current + 1, items.length)} of ${items.length}: ${items[current]?.label ?? ''}` : `${done} of ${items.length} ${items.length === 1 ? 'file' : 'files'} done.`}
        </Text>
        <Progress value={items.length ? (done / items.length) * 100 : 0} aria-label="Progress" />
        <Table verticalSpacing="xs" aria-label="Files">
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.key} data-status={item.status}>
                <Table.Td w="32%" style={{ overflowWrap: 'anywhere' }}>
                  {item.label}
                  {item.note && (
                    <Text size="xs" c="dimmed" data-testid="message-note">
                      {item.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={120}>
                  <Badge variant="light" color={STATUS_WORDS[item.status].color}>
                    {STATUS_WORDS[item.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Outcome item={item} matching={matching} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          {waitingForChoice && (
            <Button onClick={() => void confirm()} disabled={running || ready === 0}>
              Attach {ready} {ready === 1 ? 'file' : 'files'}
            </Button>
          )}
          <Button variant="default" onClick={close} disabled={running}>
            {waitingForChoice ? 'Cancel' : 'Done'}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
