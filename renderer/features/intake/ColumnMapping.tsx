import { Button, Card, Group, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { IMPORT_FIELD_LABELS, type ImportPreview } from '../../../shared/domain/intake';
import { FIELD_OPTIONS, IGNORE, toField } from './intake-words';
import { useImportStore } from './import-store';
import { useMappings, useSaveMapping } from './use-import';

const SOURCE_WORDS = { guess: 'guessed from the header', mapping: 'from the saved mapping', user: 'chosen by you', none: 'not recognised' } as const;

function SavedMappings({ preview }: { preview: ImportPreview }) {
  const mappingName = useImportStore((s) => s.mappingName);
  const applyMapping = useImportStore((s) => s.applyMapping);
  const list = useMappings();
  const mappings = list.data ?? [];
  const save = useSaveMapping();
  const [name, setName] = useState('');
  const saveMapping = () => save.mutate({ name: name.trim(), columns: preview.columns.map((c) => ({ header: c.header, field: c.field })) }, { onSuccess: () => setName('') });
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label="Saved mapping"
        placeholder={mappings.length ? 'Guess from the headers' : 'None saved yet'}
        data={mappings.map((m) => m.name)}
        value={mappingName}
        onChange={applyMapping}
        error={list.error?.message}
        clearable
        disabled={!mappings.length}
        w={260}
      />
      <TextInput label="Save this mapping as" placeholder="e.g. County Google form" value={name} onChange={(e) => setName(e.currentTarget.value)} w={260} />
      <Button variant="default" disabled={!name.trim()} loading={save.isPending} onClick={saveMapping}>
        Save mapping
      </Button>
    </Group>
  );
}

/** One Select per column of the file: what it holds, with a few of its values to judge by. */
export function ColumnMapping({ preview }: { preview: ImportPreview }) {
  const setColumn = useImportStore((s) => s.setColumn);
  const shown = preview.columns.map((c) => c.field);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="mapping-title">
      <Title order={2} size="h4" id="mapping-title">
        Columns
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        Check what each column of {preview.fileName} holds{preview.sheet ? ` (sheet “${preview.sheet}”)` : ''}; change any that are wrong.
      </Text>
      {preview.missingFields.length > 0 && (
        <Text c="red" size="sm" mb="sm" role="alert">
          No column is chosen for: {preview.missingFields.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mb="md">
        {preview.columns.map((column) => (
          <Select
            key={column.index}
            label={column.header || `Column ${column.index + 1}`}
            description={`${column.samples.length ? `e.g. ${column.samples.join(' · ')}` : 'empty'} — ${SOURCE_WORDS[column.source]}`}
            data={FIELD_OPTIONS}
            value={column.field ?? IGNORE}
            onChange={(value) => setColumn(column.index, toField(value), shown)}
            allowDeselect={false}
          />
        ))}
      </SimpleGrid>
      <SavedMappings preview={preview} />
    </Card>
  );
}
