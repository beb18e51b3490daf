import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Output } from '../../../shared/contract';
import { useCallMutation } from '../../api/use-call';

type Issued = Output<'credentials.issue'>;

export interface CredentialsTarget {
  personId: number;
  name: string;
  passedOn: string | null;
}

/** The password is shown once, here, and never again: it is stored nowhere. */
function IssuedView({ issued, name, onClose }: { issued: Issued; name: string; onClose: () => void }) {
  const mailText = issued.mail?.delivered
    ? issued.mail.status === 'drafted'
      ? 'The credentials email was saved as a draft with the password in it, readable only by your Windows or Linux user: open it from the Outbox, send it, then press "Mark sent and delete draft". Unsent, the draft is deleted after 7 days.'
      : 'The credentials email with the password was sent.'
    : `The credentials email could not go out: ${issued.mail?.problem ?? 'unknown reason'} Give ${name} the password another way, or issue credentials again for a new one.`;
  return (
    <Stack>
      <Text>
        User name <strong>{issued.credential.username}</strong>, certified on {issued.credential.certifiedOn}.
      </Text>
      {issued.temporaryPassword && (
        <Group gap="sm" align="center">
          <Text>Temporary password:</Text>
          <Code fz="lg" data-testid="temporary-password">
            {issued.temporaryPassword}
          </Code>
          <CopyButton value={issued.temporaryPassword}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
        </Group>
      )}
      {issued.temporaryPassword && <Alert color={issued.mail?.delivered ? 'teal' : 'orange'}>{mailText} This is the only time the password is shown; the app does not keep it.</Alert>}
      <Group justify="flex-end">
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}

export function IssueCredentialsModal({ target, onClose }: { target: CredentialsTarget | null; onClose: () => void }) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={`Issue credentials — ${target?.name ?? ''}`} size="lg" closeOnClickOutside={false}>
      {target && <IssueForm key={target.personId} target={target} onClose={onClose} />}
    </Modal>
  );
}

/** Keyed by the person: nothing typed for one person (least of all a password) shows for the next. */
function IssueForm({ target, onClose }: { target: CredentialsTarget; onClose: () => void }) {
  const [username, setUsername] = useState('');
  const issuing = useCallMutation('credentials.issue', { errorShownInPlace: true });
  const issued = issuing.data;
  const error = issuing.error;
  const busy = issuing.isPending;
  const issue = (newPassword: boolean) => issuing.mutate({ personId: target.personId, username, newPassword });

  if (issued) return <IssuedView issued={issued} name={target.name} onClose={onClose} />;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        issue(true);
      }}
    >
      <Stack>
        <Text size="sm">Create the account in the HMIS first, then enter its user name. The app makes a temporary password and emails it with the user name{target.passedOn ? `; the certification date is the pass date, ${target.passedOn}` : ''}.</Text>
        <TextInput label="HMIS user name" value={username} onChange={(e) => setUsername(e.currentTarget.value)} data-autofocus required error={error?.fields?.find((f) => f.field === 'username')?.message} />
        {error && !error.fields?.length && <Alert color="red">{error.message}</Alert>}
        <Group justify="space-between">
          <Button variant="subtle" disabled={!username.trim()} onClick={() => issue(false)} title="For an upgrade: the account exists, only its access changed">
            Access updated, no new password
          </Button>
          <Button type="submit" loading={busy} disabled={!username.trim()}>
            Issue credentials
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
