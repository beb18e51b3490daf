import { Alert, Badge, Button, Card, Code, Grid, Group, List, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MailTemplate } from '../../../shared/domain/mail';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import { callKey, useCall, useCallMutation } from '../../api/use-call';
import { draftOf, useTemplatesStore } from './templates-store';

const PREVIEW_DEBOUNCE_MS = 300;

/** The open template as saved, what the form shows, and its preview (unknown placeholders show while typing). */
function useOpenTemplate() {
  const { key, draft: edited, previewPersonId } = useTemplatesStore();
  const current = useCall('mail.templates.get', { key: key ?? 'test_message' }, { enabled: key !== null });
  // Memoised: the debounce below restarts whenever it is handed a new object.
  const draft = useMemo(() => edited ?? (current.data ? draftOf(current.data) : null), [edited, current.data]);
  const [debounced] = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  const previewInput = { key: key ?? 'test_message', personId: previewPersonId ?? undefined, ...(debounced ?? draftOf({ subject: '', text: '', html: '' })) };
  const preview = useCall('mail.templates.preview', previewInput, { enabled: key !== null && debounced !== null && current.data !== undefined, placeholderData: keepPreviousData });
  return { current: current.data ?? null, draft, preview: preview.data ?? null, error: current.error ?? preview.error };
}

/** Save and reset show the template as now saved at once, and the form follows it again. */
function useTemplateWrites() {
  const client = useQueryClient();
  const discardDraft = useTemplatesStore((s) => s.discardDraft);
  const saved = (template: MailTemplate, message: string) => {
    client.setQueryData(callKey('mail.templates.get', { key: template.key }), template);
    discardDraft();
    notifications.show({ color: 'teal', message });
  };
  const save = useCallMutation('mail.templates.save', { errorTitle: 'Not saved', onSuccess: (t) => saved(t, 'Template saved.') });
  const reset = useCallMutation('mail.templates.reset', { errorTitle: 'Not saved', onSuccess: (t) => saved(t, 'The shipped template is back.') });
  return { save, reset };
}

/** Edit a template with a live preview on a chosen person; unknown placeholders are listed as you type. */
export function TemplateEditor() {
  const { previewPersonId, open, edit: editDraft, setPreviewPerson } = useTemplatesStore();
  const templates = useCall('mail.templates.list', {});
  const list = templates.data ?? [];
  const { current, draft, preview, error: openError } = useOpenTemplate();
  const error = templates.error ?? openError;
  const { save, reset } = useTemplateWrites();
  const edit = (patch: Parameters<typeof editDraft>[0]) => current && editDraft(patch, current);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="templates-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="templates-title">
          Message templates
        </Title>
        <Group align="flex-end">
          <Select label="Template" placeholder="Choose a template" data={list.map((t) => ({ value: t.key, label: `${t.name}${t.customized ? ' (edited)' : ''}` }))} value={current?.key ?? null} onChange={(key) => key && open(key as MailTemplateKey)} />
          <NumberInput label="Preview for person number" placeholder="sample data" min={1} value={previewPersonId ?? ''} onChange={(v) => setPreviewPerson(typeof v === 'number' ? v : null)} />
        </Group>
        {current && draft && (
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">{current.description}</Text>
                <TextInput label="Subject" value={draft.subject} onChange={(e) => edit({ subject: e.currentTarget.value })} />
                <Textarea label="Plain text" autosize minRows={6} value={draft.text} onChange={(e) => edit({ text: e.currentTarget.value })} styles={{ input: { fontFamily: 'monospace' } }} />
                <Textarea label="HTML" autosize minRows={6} value={draft.html} onChange={(e) => edit({ html: e.currentTarget.value })} styles={{ input: { fontFamily: 'monospace' } }} />
                <Text size="xs" c="dimmed">
                  Placeholders: {current.placeholders.map((p) => `{{${p}}}`).join(' ')}
                </Text>
                <Group>
                  <Button loading={save.isPending} onClick={() => save.mutate({ key: current.key, expectedUpdatedAt: useTemplatesStore.getState().draftBase ?? current.updatedAt, ...draft })} disabled={Boolean(preview?.problems.length)}>
                    Save template
                  </Button>
                  <Button variant="default" loading={reset.isPending} onClick={() => reset.mutate({ key: current.key, expectedUpdatedAt: current.updatedAt })} disabled={!current.customized}>
                    Reset to default
                  </Button>
                  {current.customized && <Badge variant="light">Edited</Badge>}
                </Group>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="xs">
                {error && <Alert color="red">{error.message}</Alert>}
                {preview && preview.problems.length > 0 && (
                  <Alert color="orange" title="Fix before saving">
                    <List size="sm">
                      {preview.problems.map((p) => (
                        <List.Item key={`${p.field}:${p.message}`}>
                          {p.field}: {p.message}
                        </List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                {preview && preview.missing.length > 0 && (
                  <Alert color="yellow" title="Empty in Settings → Office">
                    <List size="sm">
                      {preview.missing.map((m) => (
                        <List.Item key={m}>{m}</List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                {preview && (
                  <>
                    <Text fw={600}>{preview.subject}</Text>
                    <Code block style={{ whiteSpace: 'pre-wrap' }}>{preview.text}</Code>
                  </>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Card>
  );
}
