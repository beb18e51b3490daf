import { Alert, Badge, Button, Card, Code, Grid, Group, List, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { AppError } from '../../../shared/app-error';
import type { MailTemplateKey } from '../../../shared/domain/mail-templates';
import { useTemplatesStore } from './templates-store';

function useDebouncedPreview(draftKey: string) {
  useEffect(() => {
    const timer = setTimeout(() => void useTemplatesStore.getState().refreshPreview(), 300);
    return () => clearTimeout(timer);
  }, [draftKey]);
}

async function attempt(work: () => Promise<void>, done: string) {
  try {
    await work();
    notifications.show({ color: 'teal', message: done });
  } catch (error) {
    notifications.show({ color: 'red', title: 'Not saved', message: AppError.from(error).message });
  }
}

/** Edit a template with a live preview on a chosen person; unknown placeholders are listed as you type. */
export function TemplateEditor() {
  const { list, current, draft, preview, previewPersonId, error, loadList, open, edit, setPreviewPerson, save, reset } = useTemplatesStore();
  useEffect(() => {
    void loadList();
  }, [loadList]);
  useDebouncedPreview(draft ? `${draft.subject}\u0000${draft.text}\u0000${draft.html}` : '');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="templates-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="templates-title">
          Message templates
        </Title>
        <Group align="flex-end">
          <Select label="Template" placeholder="Choose a template" data={list.map((t) => ({ value: t.key, label: `${t.name}${t.customized ? ' (edited)' : ''}` }))} value={current?.key ?? null} onChange={(key) => key && void open(key as MailTemplateKey)} />
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
                  <Button onClick={() => void attempt(save, 'Template saved.')} disabled={Boolean(preview?.problems.length)}>
                    Save template
                  </Button>
                  <Button variant="default" onClick={() => void attempt(reset, 'The shipped template is back.')} disabled={!current.customized}>
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
