import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { MailSettings } from '../../../shared/domain/mail';
import { useCall, useCallMutation } from '../../api/use-call';

interface Values {
  officeName: string;
  signature: string;
  replyTo: string;
  loginUrl: string;
}

/**
 * What every email says about the office: its name, the signature it ends with, where replies go,
 * and the HMIS login address the credentials email names. Two stores (mail settings, training
 * settings), each written over the version loaded, so a change made elsewhere is never overwritten.
 */
function OfficeForm({ settings, loginUrl }: { settings: MailSettings; loginUrl: string }) {
  const [values, setValues] = useState<Values>({ officeName: settings.officeName ?? '', signature: settings.signature ?? '', replyTo: settings.replyTo ?? '', loginUrl });
  const mail = useCallMutation('mail.settings.save', { errorShownInPlace: true });
  const training = useCallMutation('training.settings.save', { errorShownInPlace: true });
  const problem = mail.error ?? training.error;
  const fieldError = (field: string) => problem?.fields?.find((f) => f.field === field)?.message;
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const empty = [!values.officeName && 'office name', !values.signature && 'signature', !values.loginUrl && 'HMIS login address'].filter(Boolean);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { loginUrl: url, ...office } = values;
    await mail.mutateAsync({ ...office, replyTo: office.replyTo || null, expectedUpdatedAt: settings.updatedAt });
    if (url !== loginUrl) await training.mutateAsync({ loginUrl: url, expectedLoginUrl: loginUrl });
    notifications.show({ color: 'teal', message: 'Office settings saved.' });
  }

  return (
    <Card withBorder padding="lg" component="form" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-labelledby="office-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="office-title">
          Office
        </Title>
        <Text size="sm" c="dimmed">
          Every email ends with the signature; the credentials email names the HMIS login address and cannot be sent without it.
        </Text>
        {empty.length > 0 && <Alert color="orange">Still empty: {empty.join(', ')}.</Alert>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label="Office name" placeholder="Sacramento County HMIS Office" value={values.officeName} onChange={(e) => set('officeName')(e.currentTarget.value)} error={fieldError('officeName')} />
          <TextInput label="Reply-to address" placeholder="hmis@county.example.org" value={values.replyTo} onChange={(e) => set('replyTo')(e.currentTarget.value)} error={fieldError('replyTo')} />
          <TextInput label="HMIS login address" placeholder="https://…" value={values.loginUrl} onChange={(e) => set('loginUrl')(e.currentTarget.value)} error={fieldError('loginUrl')} />
        </SimpleGrid>
        <Textarea label="Signature" description="The lines every email ends with." autosize minRows={2} value={values.signature} onChange={(e) => set('signature')(e.currentTarget.value)} error={fieldError('signature')} />
        {problem && !problem.fields?.length && <Alert color="red">{problem.message}</Alert>}
        <Group>
          <Button type="submit" loading={mail.isPending || training.isPending}>
            Save office settings
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function OfficeSettingsCard({ settings }: { settings: MailSettings }) {
  const catalog = useCall('training.catalog', {});
  if (!catalog.data) return catalog.error ? <Alert color="red">{catalog.error.message}</Alert> : null;
  // Keyed so the form starts over from what another window or the CLI saved.
  return <OfficeForm key={`${settings.updatedAt}|${catalog.data.loginUrl}`} settings={settings} loginUrl={catalog.data.loginUrl} />;
}
