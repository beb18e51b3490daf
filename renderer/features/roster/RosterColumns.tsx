import { Button, Card, Group, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { ROSTER_FIELD_LABELS, ROSTER_FIELDS, type RosterField, type RosterPreview } from '../../../shared/domain/roster';
import { useRosterStore } from './roster-store';

const IGNORE = '__ignore';
const OPTIONS = [...ROSTER_FIELDS.map((f) => ({ value: f, label: ROSTER_FIELD_LABELS[f] })), { value: IGNORE, label: 'Ignore this column' }];
const SOURCE_WORDS = { guess: 'guessed from the header', user: 'chosen by you', none: 'not recognised' } as const;
const toField = (value: string | null): RosterField | null => (value && value !== IGNORE ? (value as RosterField) : null);

/** One Select per column of the export, then "Check": the user confirms what each column holds. */
export function RosterColumns({ preview, checking }: { preview: RosterPreview; checking: boolean }) {
  const setColumn = useRosterStore((s) => s.setColumn);
  const check = useRosterStore((s) => s.check);
  const reset = useRosterStore((s) => s.reset);
  const editColumns = useRosterStore((s) => s.editColumns);
  const shown = preview.columns.map((c) => c.field);
  if (checking) {
    // Once confirmed, the mapping shrinks to one line so the findings come first.
    const mapped = preview.columns.filter((c) => c.field).map((c) => `${c.header} → ${ROSTER_FIELD_LABELS[c.field as RosterField]}`);
    return (
      <Group justify="space-between" className="no-print" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {preview.fileName}: {mapped.join(' · ')}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" onClick={editColumns}>
            Change columns
          </Button>
          <Button variant="default" size="xs" onClick={reset}>
            Choose another file
          </Button>
        </Group>
      </Group>
    );
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="roster-columns-title" className="no-print">
      <Title order={2} size="h4" id="roster-columns-title">
        Columns of {preview.fileName}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {preview.totalRows.toLocaleString('en-US')} accounts. Check what each column holds; accounts are matched by user name, then email, then name and agency.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mb="md">
        {preview.columns.map((column) => (
          <Select
            key={column.index}
            label={column.header || `Column ${column.index + 1}`}
            description={`${column.samples.length ? `e.g. ${column.samples.join(' · ')}` : 'empty'} — ${SOURCE_WORDS[column.source]}`}
            data={OPTIONS}
            value={column.field ?? IGNORE}
            onChange={(value) => setColumn(column.index, toField(value), shown)}
            allowDeselect={false}
          />
        ))}
      </SimpleGrid>
      <Group>
        <Button onClick={check}>Check against the master list</Button>
        <Button variant="default" onClick={reset}>
          Choose another file
        </Button>
      </Group>
    </Card>
  );
}
