import { Button, Grid, Select, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { REQUEST_TYPE_LABELS, REQUEST_TYPES, type RequestType } from '../../../shared/domain/person';
import { accessLevelOptions, agencyOptions, useLookups } from '../lookups/use-lookups';
import { NewAgencyModal } from './NewAgencyModal';
import type { PersonForm } from './use-person-form';

const REQUEST_TYPE_OPTIONS = REQUEST_TYPES.map((value) => ({ value, label: REQUEST_TYPE_LABELS[value] }));

/**
 * The inputs of a person, shared by "Add person" and the person page's edit form. Optional fields
 * say so instead of required ones carrying an asterisk: the labels stay exactly "Email", "Agency"...
 * (an asterisk becomes part of a label's text), and most fields are required anyway.
 */
export function PersonFields({ form }: { form: PersonForm }) {
  const { values, errors, setField } = form;
  const { agencies, accessLevels, error: lookupsError } = useLookups();
  const [addingAgency, setAddingAgency] = useState(false);
  const text = (field: 'firstName' | 'lastName' | 'email' | 'phone' | 'supervisorName' | 'supervisorEmail') => ({
    value: values[field],
    error: errors[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setField(field, event.currentTarget.value),
  });

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="First name" required withAsterisk={false} autoComplete="off" {...text('firstName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Last name" required withAsterisk={false} autoComplete="off" {...text('lastName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Email" type="email" required withAsterisk={false} autoComplete="off" spellCheck={false} {...text('email')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Phone" description="Optional" type="tel" autoComplete="off" {...text('phone')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label="Agency"
          required
          withAsterisk={false}
          searchable
          placeholder={agencies.length ? 'Choose an agency' : 'No agencies yet: add one'}
          nothingFoundMessage="No agency by that name. Use “New agency” to add it."
          data={agencyOptions(agencies)}
          value={values.agencyId}
          error={errors.agencyId ?? lookupsError?.message}
          onChange={(value) => setField('agencyId', value)}
        />
        <Button variant="subtle" size="compact-xs" mt={4} onClick={() => setAddingAgency(true)}>
          New agency…
        </Button>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label="Access level"
          required
          withAsterisk={false}
          placeholder="Choose the requested level"
          data={accessLevelOptions(accessLevels)}
          value={values.accessLevelId}
          error={errors.accessLevelId ?? lookupsError?.message}
          onChange={(value) => setField('accessLevelId', value)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label="Request type"
          required
          withAsterisk={false}
          allowDeselect={false}
          data={REQUEST_TYPE_OPTIONS}
          value={values.requestType}
          error={errors.requestType}
          onChange={(value) => value && setField('requestType', value as RequestType)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }} />
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Supervisor name" description="Optional" autoComplete="off" {...text('supervisorName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Supervisor email" description="Optional" type="email" autoComplete="off" spellCheck={false} {...text('supervisorEmail')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea label="Notes" description="Optional" autosize minRows={2} maxRows={8} value={values.notes} error={errors.notes} onChange={(event) => setField('notes', event.currentTarget.value)} />
      </Grid.Col>
      <NewAgencyModal opened={addingAgency} onClose={() => setAddingAgency(false)} onCreated={(agency) => setField('agencyId', String(agency.id))} />
    </Grid>
  );
}
