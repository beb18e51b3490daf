import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Person } from '../../../shared/domain/person';
import { useCallMutation } from '../../api/use-call';
import { fullName } from './format';
import { FormProblem } from './FormProblem';
import { changedInput, missingChoices, valuesFromPerson, type PersonFormValues } from './person-form';
import { PersonFields } from './PersonFields';
import { usePerson, useShowSaved } from './use-person';
import { usePersonForm } from './use-person-form';

interface Base {
  values: PersonFormValues;
  /** The version being edited: sent as expectedUpdatedAt so a save over someone else's is refused. */
  updatedAt: string;
}

const baseOf = (person: Person): Base => ({ values: valuesFromPerson(person), updatedAt: person.updatedAt });

export function PersonEditForm({ person }: { person: Person }) {
  const [base, setBase] = useState(() => baseOf(person));
  const form = usePersonForm(base.values);
  const update = useCallMutation('people.update', { errorShownInPlace: true });
  const { person: current } = usePerson(person.id);
  const showSaved = useShowSaved();
  const saving = update.isPending;
  const changes = changedInput(base.values, form.values);
  const dirty = Object.keys(changes).length > 0;

  // The record changed underneath (another window, an import): follow it unless the user is editing.
  // Adjusting state during render, as React recommends, instead of an effect that renders twice.
  if (person.updatedAt !== base.updatedAt && !dirty && !saving) {
    const next = baseOf(person);
    setBase(next);
    form.reset(next.values);
  }

  function startOver(from: Person) {
    const next = baseOf(from);
    setBase(next);
    form.reset(next.values);
  }

  async function reloadTheirs() {
    const { data: latest, error } = await current.refetch();
    if (latest) startOver(latest);
    else if (error) form.showError(error);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingChoices(form.values);
    if (Object.keys(missing).length) return form.setErrors(missing);
    try {
      const saved = await update.mutateAsync({ id: person.id, expectedUpdatedAt: base.updatedAt, changes });
      startOver(saved);
      showSaved(saved);
      notifications.show({ color: 'teal', title: 'Saved', message: `${fullName(saved)}'s details were saved.` });
    } catch (error) {
      // The fields and the banner above the buttons say it; a notification would cover the buttons.
      form.showError(error);
    }
  }

  return (
    <Card withBorder padding="lg" component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate aria-labelledby="edit-person-title" className="no-print">
      <Stack gap="md">
        <Title order={2} size="h4" id="edit-person-title">
          Edit details
        </Title>
        <PersonFields form={form} />
        <FormProblem problem={form.problem}>
          {form.problem?.code === 'conflict' && (
            <Button size="xs" variant="white" mt="xs" display="block" onClick={() => void reloadTheirs()}>
              Reload their changes
            </Button>
          )}
        </FormProblem>
        <Group justify="flex-end">
          <Button variant="default" disabled={!dirty || saving} onClick={() => startOver(person)}>
            Discard changes
          </Button>
          <Button type="submit" loading={saving} disabled={!dirty}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
