import { Alert, Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { MAX_DOCUMENT_MB_LIMIT, MAX_DOCUMENT_PAGES_LIMIT, type DocumentLimits } from '../../../shared/domain/document-queue';
import { useCall, useCallMutation } from '../../api/use-call';

/** Settings: how large a PDF may be, and how many pages, before it is refused unread. */
export function DocumentLimitsCard() {
  const saved = useCall('documents.settings.get', {});
  // What the user typed; null while unedited, so the card follows what was saved (here or elsewhere).
  const [edited, setLimits] = useState<DocumentLimits | null>(null);
  const limits = edited ?? saved.data ?? null;
  const saving = useCallMutation('documents.settings.save', { errorShownInPlace: true });
  const error = saved.error?.message ?? saving.error?.message ?? null;

  const save = () =>
    limits &&
    saving.mutate(limits, {
      onSuccess: () => {
        setLimits(null);
        notifications.show({ color: 'teal', message: 'Document limits saved.' });
      },
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="document-limits-title">
      <Title order={2} size="h4" id="document-limits-title">
        Documents
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        PDFs larger or longer than this are refused before they are read, with a sentence saying what to ask the sender for.
      </Text>
      {error && <Alert color="red" mb="sm">{error}</Alert>}
      {limits && (
        <Group align="flex-end">
          <NumberInput label="Largest file (MB)" min={1} max={MAX_DOCUMENT_MB_LIMIT} w={180} value={limits.maxMegabytes} onChange={(v) => setLimits({ ...limits, maxMegabytes: Number(v) || 1 })} />
          <NumberInput label="Most pages" min={1} max={MAX_DOCUMENT_PAGES_LIMIT} w={180} value={limits.maxPages} onChange={(v) => setLimits({ ...limits, maxPages: Number(v) || 1 })} />
          <Button variant="light" loading={saving.isPending} onClick={save}>
            Save limits
          </Button>
        </Group>
      )}
    </Card>
  );
}
