import { Alert, Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useCall, useCallMutation } from '../../api/use-call';

/**
 * Settings → Watch a folder: where an Outlook rule or a shared-mailbox script saves attachments.
 * The open app takes every PDF, .msg and .eml that lands there; Task Scheduler can run
 * `documents watch --once` when it is closed. A path is typed (or pasted from Explorer's address bar).
 */
export function WatchFolderCard() {
  const saved = useCall('documents.watch.get', {});
  const [edited, setEdited] = useState<string | null>(null);
  const folder = edited ?? saved.data?.folder ?? '';
  const saving = useCallMutation('documents.watch.save', { errorShownInPlace: true });
  const running = useCallMutation('documents.watch.run', { errorShownInPlace: true });
  const error = saved.error?.message ?? saving.error?.message ?? running.error?.message ?? null;

  const save = (value: string | null) =>
    saving.mutate(
      { folder: value },
      {
        onSuccess: (result) => {
          setEdited(null);
          notifications.show({ color: 'teal', message: result.folder ? `Watching ${result.folder}.` : 'No folder is watched now.' });
        },
      },
    );
  const runNow = () =>
    running.mutate(
      {},
      {
        onSuccess: (result) => {
          const taken = result.files.filter((f) => f.outcome !== 'waiting').length;
          notifications.show({ color: 'teal', message: taken ? `${taken} ${taken === 1 ? 'file' : 'files'} taken from the folder.` : 'Nothing new in the folder.' });
        },
      },
    );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="watch-folder-title">
      <Title order={2} size="h4" id="watch-folder-title">
        Watch a folder
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every PDF and email message (.msg, .eml) saved in this folder is read while the app is open: forms that name someone with certainty are attached, the rest wait in Pending documents → To sort.
        Each file then moves to <code>processed</code> or <code>refused</code> inside the folder, beside a .txt saying why. When the app is closed, Task Scheduler can run{' '}
        <code>documents watch --once</code>.
      </Text>
      {error && (
        <Alert color="red" mb="sm">
          {error}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput label="Folder" placeholder="S:\HMIS\Incoming forms" w={420} value={folder} onChange={(e) => setEdited(e.currentTarget.value)} />
        <Button variant="light" loading={saving.isPending} disabled={!folder.trim()} onClick={() => save(folder.trim())}>
          Watch this folder
        </Button>
        {saved.data?.folder && (
          <>
            <Button variant="default" loading={running.isPending} onClick={runNow}>
              Take files now
            </Button>
            <Button variant="subtle" color="gray" onClick={() => save(null)}>
              Stop watching
            </Button>
          </>
        )}
      </Group>
    </Card>
  );
}
