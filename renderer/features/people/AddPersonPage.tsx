import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, type FormEvent } from 'react';
import { useCallMutation } from '../../api/use-call';
import { href, navigate } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { useLookups } from '../lookups/use-lookups';
import { fullName } from './format';
import { FormProblem } from './FormProblem';
import { EMPTY_PERSON, formProblem, toCreateInput } from './person-form';
import { PersonFields } from './PersonFields';
import { usePersonForm } from './use-person-form';

/** Registers a person from a registration received by email, on paper or by phone. */
export function AddPersonPage() {
  const form = usePersonForm(EMPTY_PERSON);
  const create = useCallMutation('people.create', { errorShownInPlace: true });
  const lookups = useLookups();
  const lookupsSettled = lookups.loaded || lookups.error !== null;

  useEffect(() => {
    if (lookupsSettled) useAppStore.getState().markPageReady();
  }, [lookupsSettled]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = formProblem(form.values);
    if (problem) return void form.showError(problem);
    try {
      const person = await create.mutateAsync(toCreateInput(form.values));
      notifications.show({ color: 'teal', title: 'Person added', message: `${fullName(person)} is on the master list.` });
      navigate(`/people/${person.id}`);
    } catch (error) {
      // The fields and the banner above the buttons say it; a notification would cover the buttons.
      form.showError(error);
    }
  }

  return (
    <Stack maw={860} gap="md">
      <div>
        <Anchor href={href('/people')} size="sm" className="no-print">
          ← Master list
        </Anchor>
        <Title order={1} size="h2">
          Add person
        </Title>
        <Text c="dimmed" size="sm">
          Enter the registration as the supervisor sent it.
        </Text>
      </div>
      <Card withBorder padding="lg" component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate aria-label="New person">
        <Stack gap="md">
          <PersonFields form={form} />
          <FormProblem problem={form.problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/people')}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
