import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../people/format';
import { IssueCredentialsModal, type CredentialsTarget } from './IssueCredentialsModal';
import { QueueFrame } from './QueueFrame';
import { QueueTable } from './QueueTable';

/** People who passed their quiz: staff create the HMIS account, then issue the credentials here. */
export function CredentialsPage() {
  const [target, setTarget] = useState<CredentialsTarget | null>(null);
  const table = (
    <QueueTable
      queue="credentials_to_issue"
      label="Credentials to issue"
      columns={[
        { header: 'Passed', width: 220, cell: (row) => (row.passingAttempt ? <Text size="sm">{row.passingAttempt.quizTitle}: {row.passingAttempt.percent}% on {formatDate(row.passingAttempt.takenOn)}</Text> : '—') },
        {
          header: '',
          width: 150,
          cell: (row) => (
            <Button size="compact-sm" className="no-print" onClick={() => setTarget({ personId: row.person.id, name: `${row.person.firstName} ${row.person.lastName}`, passedOn: row.passingAttempt?.takenOn ?? null })}>
              Issue credentials
            </Button>
          ),
        },
      ]}
    />
  );
  return (
    <QueueFrame queue="credentials_to_issue" title="Credentials to issue" intro="These people passed every quiz their training asked for. Create their HMIS account, then issue the credentials: the app emails a temporary password it never stores. With no mail server, the password waits in a draft only you can open, deleted once you mark it sent or after 7 days." table={table}>
      <IssueCredentialsModal target={target} onClose={() => setTarget(null)} />
    </QueueFrame>
  );
}
