import { Alert, Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { AppError } from '../../../shared/app-error';
import { MAX_DOCUMENT_MB_LIMIT, MAX_DOCUMENT_PAGES_LIMIT, type DocumentLimits } from '../../../shared/domain/document-queue';
import { api } from '../../api/client';

/** Settings: how large a PDF may be, and how many pages, before it is refused unread. */
export function DocumentLimitsCard() {
  const [limits, setLimits] = useState<DocumentLimits | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.documents['settings.get']().then(setLimits, (e: unknown) => setError(AppError.from(e).message));
  }, []);

  const save = () =>
    limits &&
    api.documents['settings.save'](limits).then(
      (saved) => {
        setLimits(saved);
        notifications.show({ color: 'teal', message: 'Document limits saved.' });
      },
      (e: unknown) => setError(AppError.from(e).message),
    );

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
          <Button variant="light" onClick={() => void save()}>
            Save limits
          </Button>
        </Group>
      )}
    </Card>
  );
}
