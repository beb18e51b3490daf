import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useAppStore } from '../app/app-store';
import { AuditVerifyCard } from '../audit/AuditVerifyCard';
import { BackupsCard } from '../backups/BackupsCard';
import { DocumentLimitsCard } from '../documents/DocumentLimitsCard';
import { WatchFolderCard } from '../documents/WatchFolderCard';
import { useCall } from '../../api/use-call';
import { RecertPolicyCard } from '../recert/RecertPolicyCard';
import { OfficeSettingsCard } from './OfficeSettingsCard';
import { SmtpSettingsForm } from './SmtpSettingsForm';
import { TemplateEditor } from './TemplateEditor';
import { TestMessageCard } from './TestMessageCard';

/** Settings: the office, how mail leaves it, the test message, the message templates, documents and recertification. */
export function MailSettingsPage() {
  const { data: settings, error, isSuccess, isError } = useCall('mail.settings.get', {});
  useEffect(() => {
    if (isSuccess || isError) useAppStore.getState().markPageReady();
  }, [isSuccess, isError]);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Settings
      </Title>
      {error && <Alert color="red">{error.message}</Alert>}
      {!settings && !error && <Loader aria-label="Loading the settings" />}
      {settings && (
        <>
          <Text c="dimmed" size="sm">
            {settings.mode === 'smtp' ? `Mail goes out through ${settings.host}.` : `No mail server: messages are saved as drafts in ${settings.draftsDir}.`}
          </Text>
          <OfficeSettingsCard settings={settings} />
          {/* Keyed so the form starts over from what another window or the CLI saved. */}
          <SmtpSettingsForm key={JSON.stringify(settings)} settings={settings} />
          <TestMessageCard />
          <TemplateEditor />
          <DocumentLimitsCard />
          <WatchFolderCard />
          <RecertPolicyCard />
          <AuditVerifyCard />
          <BackupsCard />
        </>
      )}
    </Stack>
  );
}
