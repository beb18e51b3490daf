import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { AppError } from '../../../shared/app-error';
import type { Agency } from '../../../shared/domain/agency';
import { api } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { useLookupsStore } from '../lookups/lookups-store';

const EMPTY = { name: '', phone: '', contactName: '', contactEmail: '' };
type AgencyField = keyof typeof EMPTY;

/** Adds a partner agency without leaving the person form (a new office starts with none). */
export function NewAgencyModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (agency: Agency) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldError = (field: AgencyField) => error?.fields?.find((f) => f.field === field)?.message;
  const input = (field: AgencyField) => ({
    value: values[field],
    error: fieldError(field),
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: event.currentTarget.value }),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The person form around this modal must not submit too.
    event.stopPropagation();
    setSaving(true);
    try {
      const agency = await api.agencies.create(values);
      await useLookupsStore.getState().load();
      notifications.show({ color: 'teal', message: `${agency.name} was added to the agencies.` });
      onCreated(agency);
      setValues(EMPTY);
      setError(null);
      onClose();
    } catch (failure) {
      setError(AppError.from(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog opened={opened} onClose={onClose} title="New agency">
      <form onSubmit={(event) => void submit(event)} noValidate>
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
            <Button type="submit" loading={saving}>
              Add agency
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
