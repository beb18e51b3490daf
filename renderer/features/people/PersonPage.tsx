import { Alert, Anchor, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { href } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useAppStore } from '../app/app-store';
import { PersonDocuments } from '../documents/PersonDocuments';
import { PersonRequests } from '../intake/PersonRequests';
import { PersonTraining } from '../training/PersonTraining';
import { PossibleDuplicateNotice } from '../intake/PossibleDuplicateNotice';
import { PersonMessages } from '../mail/PersonMessages';
import { CertificationLine } from '../recert/CertificationLine';
import { PersonCertification } from '../recert/PersonCertification';
import { PersonDeactivation } from '../recert/PersonDeactivation';
import { AuditTimeline } from './AuditTimeline';
import { fullName } from './format';
import { PersonEditForm } from './PersonEditForm';
import { usePerson } from './use-person';
import { PersonSummary } from './PersonSummary';
import { StageBadge } from './StageBadge';

const BACK = (
  <Anchor href={href('/people')} size="sm" className="no-print">
    ← Master list
  </Anchor>
);

export function PersonPage({ params }: PageProps) {
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const queries = usePerson(id, valid);
  const person = queries.person.data ?? null;
  const error = queries.person.error ?? queries.history.error;
  const retry = () => void Promise.all([queries.person.refetch(), queries.history.refetch()]);

  useEffect(() => {
    if (person || error || !valid) useAppStore.getState().markPageReady();
  }, [person, error, valid]);

  useEffect(() => {
    if (person) document.title = `${fullName(person)} — HMIS Access Desk`;
  }, [person]);

  if (!valid || (error && !person)) {
    return (
      <Stack align="flex-start" maw={640}>
        {BACK}
        <Title order={1} size="h2">
          {error?.code === 'not_found' || !valid ? 'Person not found' : 'This person could not be loaded'}
        </Title>
        <Text>{valid ? error?.message : `“${params.id}” is not a person's number. The link may be incomplete.`}</Text>
        {valid && error?.code !== 'not_found' && <Button onClick={retry}>Try again</Button>}
      </Stack>
    );
  }
  if (!person) return <Loader m="xl" aria-label="Loading the person" />;
  const certified = person.certifiedOn !== null;

  return (
    // Marked as a drop target: PDFs dropped anywhere on the page are attached to this person.
    <Stack gap="md" className="person-page" data-person-id={person.id} data-person-name={fullName(person)}>
      <div>
        {BACK}
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {fullName(person)}
          </Title>
          <StageBadge stage={person.stage} size="lg" />
        </Group>
        <Text c="dimmed" size="sm">
          {person.accessLevelName} at {person.agencyName}
        </Text>
        <CertificationLine person={person} />
      </div>
      {error && (
        <Alert color="orange" className="no-print">
          {error.message}
        </Alert>
      )}
      <PossibleDuplicateNotice person={person} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <PersonDeactivation person={person} />
            <PersonSummary person={person} />
            {/* Near the top once certified; until then onboarding (documents, training) comes first. */}
            {certified && <PersonCertification person={person} />}
            <PersonDocuments person={person} />
            <PersonEditForm person={person} />
            <PersonTraining person={person} />
            {!certified && <PersonCertification person={person} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <PersonRequests personId={person.id} />
            <PersonMessages personId={person.id} />
            <AuditTimeline entries={queries.history.data ?? []} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
