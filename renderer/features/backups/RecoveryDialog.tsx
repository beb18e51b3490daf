import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useCall, useCallMutation } from '../../api/use-call';
import { Dialog } from '../../app/Dialog';

/**
 * Shown once at startup when the database failed its integrity check: it was moved aside (never
 * deleted) and the app opened on an empty one. Offers the newest backup in the backup folder,
 * which the restore checks before it replaces anything.
 */
export function RecoveryDialog() {
  const status = useCall('backups.status', {});
  const restore = useCallMutation('backups.restore', { errorShownInPlace: true });
  const [dismissed, setDismissed] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const recovery = status.data?.recovery;
  const latest = status.data?.backups[0];
  if (!recovery || dismissed) return null;

  return (
    <Dialog opened onClose={() => setDismissed(true)} title="The database was damaged" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          When HMIS Access Desk started, its database failed SQLite&apos;s integrity check. It was moved, untouched, to <strong>{recovery.movedTo}</strong> and the app opened on an empty database, so nothing more is written to the damaged one.
        </Text>
        {restore.data ? (
          <Alert color="teal" role="status">
            {restore.data.message}
          </Alert>
        ) : latest ? (
          <>
            <Text size="sm">
              The latest backup is <strong>{latest.name}</strong> ({new Date(latest.modifiedAt).toLocaleString()}). It is checked (integrity, row counts, every file&apos;s hash) before anything is replaced.
            </Text>
            <PasswordInput label="Passphrase (only if the backup is encrypted)" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={restore.error?.fields?.find((f) => f.field === 'passphrase')?.message} />
          </>
        ) : (
          <Alert color="yellow">There is no backup in {status.data?.settings.folder}. Copy a backup file there, or call your administrator, before entering new data.</Alert>
        )}
        {restore.error && <Alert color="red">{restore.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDismissed(true)}>
            {restore.data ? 'Close' : 'Continue with the empty database'}
          </Button>
          {latest && !restore.data && (
            <Button loading={restore.isPending} onClick={() => restore.mutate({ file: latest.file, ...(passphrase ? { passphrase } : {}) })}>
              Restore the latest backup
            </Button>
          )}
        </Group>
      </Stack>
    </Dialog>
  );
}
