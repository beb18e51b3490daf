import { Alert, Button, Card, Group, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { MailSettings, TlsMode } from '../../../shared/domain/mail';
import { useCallMutation } from '../../api/use-call';

interface Values {
  host: string;
  port: number;
  tls: TlsMode;
  user: string;
  password: string;
  fromName: string;
  fromAddress: string;
  allowSelfSigned: boolean;
  draftsDir: string;
}

const valuesOf = (s: MailSettings): Values => ({
  host: s.host ?? '', port: s.port, tls: s.tls, user: s.user ?? '', password: '', fromName: s.fromName ?? '', fromAddress: s.fromAddress ?? '',
  allowSelfSigned: s.allowSelfSigned, draftsDir: s.draftsDirIsDefault ? '' : s.draftsDir,
});

const TLS_CHOICES = [
  { value: 'starttls', label: 'STARTTLS (port 587 or 25)' },
  { value: 'tls', label: 'TLS (port 465)' },
  { value: 'none', label: 'None (trusted office relay only)' },
];

/** The SMTP server, sender and drafts folder. An empty server name means: save messages as drafts. */
export function SmtpSettingsForm({ settings }: { settings: MailSettings }) {
  const save = useCallMutation('mail.settings.save', { errorShownInPlace: true });
  const [values, setValues] = useState(() => valuesOf(settings));
  // The version these values came from: a save over a newer one is refused, not lost.
  const [base, setBase] = useState(settings.updatedAt);
  const problem = save.error;
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const fieldError = (field: string) => problem?.fields?.find((f) => f.field === field)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    const { password, draftsDir, ...rest } = values;
    // Only a typed password is sent: an empty box keeps the stored one.
    save.mutate(
      { ...rest, draftsDir: draftsDir || null, ...(password ? { password } : {}), expectedUpdatedAt: base },
      {
        onSuccess: (saved) => {
          setValues(valuesOf(saved));
          setBase(saved.updatedAt);
          notifications.show({ color: 'teal', message: 'Mail settings saved.' });
        },
      },
    );
  }

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate aria-labelledby="smtp-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="smtp-title">
          Mail server
        </Title>
        <Text size="sm" c="dimmed">
          Leave the server name empty to save every message as a draft (.eml) that Outlook opens ready to send.
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput label="Server name" placeholder="smtp.office365.com" value={values.host} onChange={(e) => set('host')(e.currentTarget.value)} error={fieldError('host')} />
          <NumberInput label="Port" min={1} max={65535} value={values.port} onChange={(v) => set('port')(Number(v) || 587)} error={fieldError('port')} />
          <Select label="Encryption" data={TLS_CHOICES} value={values.tls} onChange={(v) => set('tls')((v ?? 'starttls') as TlsMode)} allowDeselect={false} />
          <TextInput label="User name" value={values.user} onChange={(e) => set('user')(e.currentTarget.value)} autoComplete="off" />
          <PasswordInput
            label="Password"
            description={settings.passwordSet ? 'A password is stored. Type a new one to replace it.' : 'Stored encrypted, never in the database as text.'}
            value={values.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            error={fieldError('password') ?? settings.passwordProblem ?? undefined}
            autoComplete="new-password"
          />
          <Switch mt="xl" label="Allow self-signed certificate" checked={values.allowSelfSigned} onChange={(e) => set('allowSelfSigned')(e.currentTarget.checked)} />
          <TextInput label="From name" value={values.fromName} onChange={(e) => set('fromName')(e.currentTarget.value)} />
          <TextInput label="From address" value={values.fromAddress} onChange={(e) => set('fromAddress')(e.currentTarget.value)} error={fieldError('fromAddress')} />
          <TextInput label="Drafts folder" placeholder={settings.draftsDirIsDefault ? settings.draftsDir : undefined} value={values.draftsDir} onChange={(e) => set('draftsDir')(e.currentTarget.value)} />
        </SimpleGrid>
        {problem && !problem.fields?.length && <Alert color="red">{problem.message}</Alert>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save mail settings
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
