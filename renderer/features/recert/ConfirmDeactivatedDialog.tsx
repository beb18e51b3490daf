import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Dialog } from '../../app/Dialog';
import { useAppInfo } from '../app/use-app-info';
import { useConfirmDeactivated } from './use-deactivations';

export interface DeactivationTarget {
  personId: number;
  name: string;
  hmisUserName: string | null;
  supervisorName: string | null;
  supervisorEmail: string | null;
}

export function ConfirmDeactivatedDialog({ target, onClose }: { target: DeactivationTarget | null; onClose: () => void }) {
  return (
    <Dialog opened={target !== null} onClose={onClose} title={`Confirm deactivated — ${target?.name ?? ''}`} size="lg">
      {target && <ConfirmForm key={target.personId} target={target} onClose={onClose} />}
    </Dialog>
  );
}

function supervisorSentence(t: DeactivationTarget): string {
  if (!t.supervisorEmail) return 'There is no supervisor email on file, so nobody is notified: tell the agency yourself.';
  return `${t.supervisorName || 'The supervisor'} (${t.supervisorEmail}) gets the deactivation notice through the Outbox.`;
}

/** Keyed by the person, so a date or name typed for one never shows for the next. */
function ConfirmForm({ target, onClose }: { target: DeactivationTarget; onClose: () => void }) {
  const info = useAppInfo().data;
  const today = info?.today ?? '';
  // Null until typed in: the defaults (today, the operator) arrive with app.info.
  const [typedOn, setOn] = useState<string | null>(null);
  const [typedBy, setBy] = useState<string | null>(null);
  const on = typedOn ?? today;
  const by = typedBy ?? info?.operator ?? '';
  const [note, setNote] = useState('');
  const confirm = useConfirmDeactivated();
  const error = confirm.error;
  const fieldError = (field: string) => error?.fields?.find((f) => f.field === field)?.message;
  const future = Boolean(on && today && on > today);

  const submit = () => {
    if (!on || future) return;
    confirm.mutate(
      { personId: target.personId, deactivatedOn: on, deactivatedBy: by.trim() || undefined, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${target.name} is deactivated.${target.supervisorEmail ? ' The supervisor notice is in the Outbox.' : ''}` });
          onClose();
        },
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Text size="sm">
          Record this only after the account{target.hmisUserName ? ` ${target.hmisUserName}` : ''} is deactivated in the HMIS vendor&apos;s system. {supervisorSentence(target)}
        </Text>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Deactivated in the HMIS on"
            value={on}
            max={today || undefined}
            onChange={(e) => setOn(e.currentTarget.value)}
            required
            data-autofocus
            error={future ? 'The date cannot be in the future.' : fieldError('deactivatedOn')}
          />
          <TextInput label="Deactivated by" value={by} onChange={(e) => setBy(e.currentTarget.value)} description="Who closed the account" error={fieldError('deactivatedBy')} />
        </Group>
        <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={500} placeholder="For example: closed in Clarity, ticket 4411" />
        {error && !error.fields?.length && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={confirm.isPending} disabled={!on || future}>
            Confirm deactivated
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
