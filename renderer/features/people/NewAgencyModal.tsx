import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Agency } from '../../../shared/domain/agency';
import { callKey, useCallMutation } from '../../api/use-call';
import { Dialog } from '../../app/Dialog';

const EMPTY = { name: '', phone: '', contactName: '', contactEmail: '' };
type AgencyField = keyof typeof EMPTY;

/** Adds a partner agency without leaving the person form (a new office starts with none). */
export function NewAgencyModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (agency: Agency) => void }) {
  const [values, setValues] = useState(EMPTY);
  const client = useQueryClient();
  const create = useCallMutation('agencies.create', {
    errorShownInPlace: true,
    // The agency must be in the choices before the form selects it.
    onSuccess: () => client.refetchQueries({ queryKey: callKey('agencies.list', {}) }),
  });
  const error = create.error;
  const fieldError = (field: AgencyField) => error?.fields?.find((f) => f.field === field)?.message;
  const input = (field: AgencyField) => ({
    value: values[field],
    error: fieldError(field),
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: event.currentTarget.value }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    // The person form around this modal must not submit too.
    event.stopPropagation();
    create.mutate(values, {
      onSuccess: (agency) => {
        notifications.show({ color: 'teal', message: `${agency.name} was added to the agencies.` });
        onCreated(agency);
        setValues(EMPTY);
        create.reset();
        onClose();
      },
    });
  }

  return (
    <Dialog opened={opened} onClose={onClose} title="New agency">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Agency name" required withAsterisk={false} data-autofocus {...input('name')} />
          <TextInput label="Agency phone" type="tel" {...input('phone')} />
          <TextInput label="Contact name" {...input('contactName')} />
          <TextInput label="Contact email" type="email" {...input('contactEmail')} />
          {error && !(Object.keys(EMPTY) as AgencyField[]).some(fieldError) && <Alert color="red">{error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add agency
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
