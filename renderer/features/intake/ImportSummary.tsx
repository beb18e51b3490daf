import { Alert, Anchor, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { href } from '../../app/router';
import { peopleCount } from '../people/format';
import type { ImportPreview } from '../../../shared/domain/intake';
import { importInput, useImportStore } from './import-store';
import { shownCounts, type ShownVerdict } from './shown-verdict';
import type { useRunImport } from './use-import';
import { plural } from '../../../shared/plural';

function NewAgencies({ preview }: { preview: ImportPreview }) {
  const chosen = useImportStore((s) => s.createAgencies);
  const setCreateAgency = useImportStore((s) => s.setCreateAgency);
  const setCreateAgencies = useImportStore((s) => s.setCreateAgencies);
  const all = preview.newAgencies.map((a) => a.name);
  if (!all.length) return null;
  const allChosen = all.every((name) => chosen.includes(name));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {all.length === 1 ? 'One agency is' : `${all.length} agencies are`} not on the list yet, and a row is imported only once its agency is added. Add them, or correct the file if a name is a typo:
      </Text>
      {all.length > 1 && (
        <Group>
          <Button size="xs" variant={allChosen ? 'default' : 'filled'} onClick={() => setCreateAgencies(allChosen ? [] : all)}>
            {allChosen ? 'Add none of them' : `Add all ${all.length} new agencies`}
          </Button>
        </Group>
      )}
      {preview.newAgencies.map((agency) => (
        <Checkbox
          key={agency.name}
          label={`Add “${agency.name}” (${plural(agency.rows, 'row', 'rows')})`}
          checked={chosen.includes(agency.name)}
          onChange={(e) => setCreateAgency(agency.name, e.currentTarget.checked)}
        />
      ))}
    </Stack>
  );
}

const PARTS = [
  ['new', 'new'],
  ['needs_agency', 'waiting for a new agency'],
  ['update', 'to update'],
  ['unchanged', 'unchanged'],
  ['duplicate', 'repeated in the file'],
  ['already_imported', 'imported before'],
  ['invalid', 'with problems'],
] as const;

/** "5 new, 1 repeated in the file, 2 with problems." — only what there is. */
function countWords(counts: Partial<Record<ShownVerdict, number>>): string {
  const parts = PARTS.filter(([key]) => (counts[key] ?? 0) > 0).map(([key, words]) => `${counts[key]} ${words}`);
  return parts.length ? `${parts.join(', ')}.` : 'No rows.';
}

/** The counts, what needs confirming, the import button, and afterwards what happened. */
export function ImportSummary({ preview, reading, run }: { preview: ImportPreview | undefined; reading: boolean; run: ReturnType<typeof useRunImport> }) {
  const result = useImportStore((s) => s.result);
  const reset = () => {
    run.reset();
    useImportStore.getState().reset();
  };
  const runImport = () => {
    const input = importInput(useImportStore.getState());
    if (input) run.mutate(input);
  };
  const busy = run.isPending ? 'importing' : reading ? 'reading' : null;
  if (result) {
    return (
      <Alert color={result.invalid.length ? 'yellow' : 'teal'} title="Import finished" role="status">
        <Stack gap="xs">
          <Text>{result.message}</Text>
          {result.possibleDuplicates > 0 && (
            <Text size="sm">
              {peopleCount(result.possibleDuplicates)} may already be on the list under another email: <Anchor href={href('/duplicates')}>review possible duplicates</Anchor>.
            </Text>
          )}
          <Group>
            <Button component="a" href={href('/people')}>
              Open the master list
            </Button>
            <Button variant="default" onClick={reset}>
              Import another file
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (!preview) return null;
  return <PreviewSummary preview={preview} busy={busy} runImport={runImport} reset={reset} />;
}

function PreviewSummary({ preview, busy, runImport, reset }: { preview: ImportPreview; busy: 'importing' | 'reading' | null; runImport: () => void; reset: () => void }) {
  const counts = shownCounts(preview, useImportStore((s) => s.createAgencies));
  const toWrite = (counts.new ?? 0) + (counts.update ?? 0);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="summary-title">
      <Title order={2} size="h4" id="summary-title">
        {preview.fileName}
      </Title>
      <Text size="sm" mb="sm" data-testid="import-counts">
        {countWords(counts)}
      </Text>
      {preview.previousImport && (
        <Alert color="gray" mb="sm">
          This file was imported on {preview.previousImport.at.slice(0, 10)} by {preview.previousImport.operator}. Rows imported then are skipped.
        </Alert>
      )}
      <NewAgencies preview={preview} />
      <Group mt="md">
        <Button onClick={runImport} loading={busy === 'importing'} disabled={busy !== null || preview.missingFields.length > 0 || toWrite === 0}>
          Import
        </Button>
        <Button variant="default" onClick={reset} disabled={busy === 'importing'}>
          Choose another file
        </Button>
      </Group>
    </Card>
  );
}
