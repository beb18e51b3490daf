import { Anchor, Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Person } from '../../../shared/domain/person';
import { useCall } from '../../api/use-call';
import { href } from '../../app/router';
import { formatDate } from '../people/format';
import { ConfirmDeactivatedDialog } from './ConfirmDeactivatedDialog';
import { ReactivateDialog } from './ReactivateDialog';

const WAITING = new Set<Person['stage']>(['lapsed', 'deactivation_requested']);

/**
 * On the person page, only for someone waiting for deactivation or deactivated: confirm it here
 * as from the queue, or bring them back ("Reactivate…", they restart at training).
 */
export function PersonDeactivation({ person }: { person: Person }) {
  const relevant = WAITING.has(person.stage) || person.stage === 'deactivated';
  const summary = useCall('recert.summary', { personId: person.id }, { enabled: relevant }).data;
  const [dialog, setDialog] = useState<'confirm' | 'reactivate' | null>(null);
  if (!relevant) return null;
  const name = `${person.firstName} ${person.lastName}`;
  const deactivated = person.stage === 'deactivated';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-deactivation-title">
      <Title order={2} size="h4" id="person-deactivation-title" mb="xs">
        {deactivated ? 'Deactivated' : 'Waiting for deactivation'}
      </Title>
      <Text size="sm" mb="sm">
        {deactivated
          ? `The HMIS account${summary?.hmisUserName ? ` ${summary.hmisUserName}` : ''} was deactivated${summary?.deactivatedOn ? ` on ${formatDate(summary.deactivatedOn)}` : ''}.`
          : person.stage === 'lapsed'
            ? 'The recertification lapsed. Deactivate the account in the HMIS vendor’s system, then confirm it here.'
            : 'A deactivation was requested. Deactivate the account in the HMIS vendor’s system, then confirm it here.'}
      </Text>
      <Group className="no-print">
        {deactivated ? (
          <Button variant="default" onClick={() => setDialog('reactivate')}>
            Reactivate…
          </Button>
        ) : (
          <>
            <Button variant="light" color="red" onClick={() => setDialog('confirm')}>
              Confirm deactivated…
            </Button>
            <Anchor href={href('/deactivations')} size="sm">
              All deactivation tasks
            </Anchor>
          </>
        )}
      </Group>
      <ConfirmDeactivatedDialog
        target={dialog === 'confirm' ? { personId: person.id, name, hmisUserName: summary?.hmisUserName ?? null, supervisorName: person.supervisorName, supervisorEmail: person.supervisorEmail } : null}
        onClose={() => setDialog(null)}
      />
      <ReactivateDialog personId={person.id} name={name} opened={dialog === 'reactivate'} onClose={() => setDialog(null)} />
    </Card>
  );
}
