import { Alert, Button, Card, Checkbox, Group, NumberInput, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Output } from '../../../shared/contract';
import { useCall, useCallMutation } from '../../api/use-call';

type Status = Output<'backups.status'>;

function SettingsForm({ status }: { status: Status }) {
  const save = useCallMutation('backups.saveSettings', { errorShownInPlace: true });
  const [folder, setFolder] = useState(status.settings.folder);
  const [keep, setKeep] = useState<number | string>(status.settings.keep);
  const [automatic, setAutomatic] = useState(status.settings.automatic);
  const [passphrase, setPassphrase] = useState('');
  const fieldError = (field: string) => save.error?.fields?.find((f) => f.field === field)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ folder, keep: Number(keep), automatic, ...(passphrase ? { passphrase } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
      <TextInput label="Backup folder" description="On this computer or a network drive, e.g. \\\\county-fs\\hmis-backups" value={folder} onChange={(e) => setFolder(e.currentTarget.value)} error={fieldError('folder')} />
      <Group align="flex-end">
        <NumberInput label="Backups to keep" min={1} max={365} value={keep} onChange={setKeep} error={fieldError('keep')} w={160} />
        <Checkbox label="Back up automatically every day while the app is open" checked={automatic} onChange={(e) => setAutomatic(e.currentTarget.checked)} />
      </Group>
      <PasswordInput
        label={status.settings.encrypted ? 'New passphrase for automatic backups (leave empty to keep the saved one)' : 'Passphrase for automatic backups (optional)'}
        description="Automatic backups are encrypted with it (AES-256-GCM). Without it a backup cannot be restored: keep it somewhere safe."
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        error={fieldError('passphrase')}
      />
      <Group>
        <Button type="submit" loading={save.isPending}>
          Save backup settings
        </Button>
      </Group>
      {save.isSuccess && (
        <Alert color="teal" role="status">
          Saved. Backups go to {save.data.folder}, keeping the last {save.data.keep}.
        </Alert>
      )}
      {save.error && !save.error.fields?.length && <Alert color="red">{save.error.message}</Alert>}
      </Stack>
    </form>
  );
}

function BackupNow() {
  const create = useCallMutation('backups.create', { errorShownInPlace: true });
  const [passphrase, setPassphrase] = useState('');
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <PasswordInput label="Passphrase for this backup (optional)" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={create.error?.fields?.find((f) => f.field === 'passphrase')?.message} w={320} />
        <Button loading={create.isPending} onClick={() => create.mutate(passphrase ? { passphrase } : {})}>
          Back up now
        </Button>
      </Group>
      {create.data && (
        <Alert color="teal" role="status">
          {create.data.message}
        </Alert>
      )}
      {create.error && !create.error.fields?.length && <Alert color="red">{create.error.message}</Alert>}
    </Stack>
  );
}

function Restore({ status }: { status: Status }) {
  const verify = useCallMutation('backups.verify', { errorShownInPlace: true });
  const restore = useCallMutation('backups.restore', { errorShownInPlace: true });
  const [file, setFile] = useState<string | null>(status.backups[0]?.file ?? null);
  const [passphrase, setPassphrase] = useState('');
  const input = () => ({ file: file ?? '', ...(passphrase ? { passphrase } : {}) });
  const error = restore.error ?? verify.error;
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Backup to restore"
          placeholder={status.backups.length ? 'Choose a backup' : 'No backups in the folder yet'}
          data={status.backups.map((b) => ({ value: b.file, label: `${b.name} (${(b.size / 1024 / 1024).toFixed(1)} MB)` }))}
          value={file}
          onChange={setFile}
          searchable
          w={420}
        />
        <PasswordInput label="Passphrase (if encrypted)" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} w={240} />
      </Group>
      <Group>
        <Button variant="default" disabled={!file} loading={verify.isPending} onClick={() => verify.mutate(input())}>
          Check this backup
        </Button>
        <Button
          color="red"
          disabled={!file}
          loading={restore.isPending}
          onClick={() => {
            if (window.confirm('Replace all data with this backup? The current data is kept aside in the data folder.')) restore.mutate(input());
          }}
        >
          Restore this backup
        </Button>
      </Group>
      {(restore.data ?? verify.data) && (
        <Alert color="teal" role="status">
          {(restore.data ?? verify.data)!.message}
        </Alert>
      )}
      {error && <Alert color="red">{error.message}</Alert>}
    </Stack>
  );
}

/** Settings → Backups: where they go and how many are kept, back up now, check or restore one. */
export function BackupsCard() {
  const status = useCall('backups.status', {});
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="backups-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="backups-title">
          Backups
        </Title>
        {status.error && <Alert color="red">{status.error.message}</Alert>}
        {status.data && (
          <>
            <Text size="sm" c="dimmed">
              {status.data.lastBackup ? `Last backup: ${new Date(status.data.lastBackup.createdAt).toLocaleString()} (${status.data.lastBackup.people.toLocaleString('en-US')} people) to ${status.data.lastBackup.file}.` : 'No backup has been made yet.'}
              {status.data.nextAutomaticAt ? ` The next automatic check is at ${new Date(status.data.nextAutomaticAt).toLocaleTimeString()}.` : ''}
            </Text>
            <SettingsForm key={JSON.stringify(status.data.settings)} status={status.data} />
            <BackupNow />
            <Restore key={status.data.backups[0]?.file ?? 'none'} status={status.data} />
          </>
        )}
      </Stack>
    </Card>
  );
}
