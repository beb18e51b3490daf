import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Dialog } from '../../app/Dialog';
import { useReactivate } from './use-deactivations';

export function ReactivateDialog({ personId, name, opened, onClose }: { personId: number; name: string; opened: boolean; onClose: () => void }) {
  return (
    <Dialog opened={opened} onClose={onClose} title={`Reactivate — ${name}`}>
      {opened && <ReactivateForm personId={personId} name={name} onClose={onClose} />}
    </Dialog>
  );
}

function ReactivateForm({ personId, name, onClose }: { personId: number; name: string; onClose: () => void }) {
  const [note, setNote] = useState('');
  const reactivate = useReactivate();
  const submit = () =>
    reactivate.mutate(
      { personId, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${name} is reactivated and waits in "Training to send".` });
          onClose();
        },
      },
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Text size="sm">
          {name} restarts at training: a new-user request opens, they get the training email, take the quiz again and get new credentials. Their signed forms on file still count. Do not reopen the HMIS account until the credentials are issued.
        </Text>
        <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={500} data-autofocus placeholder="For example: returned to the agency in March" />
        {reactivate.error && (
          <Alert color="red" role="alert">
            {reactivate.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={reactivate.isPending}>
            Reactivate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
