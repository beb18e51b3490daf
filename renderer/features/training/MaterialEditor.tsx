import { Alert, Button, FileInput, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Material, MaterialKind } from '../../../shared/domain/quiz-training';
import { useCatalog, useCatalogWrite } from './use-catalog';

export type MaterialDraft = Pick<Material, 'trainingSet' | 'title' | 'kind' | 'url' | 'minutes' | 'retired'> & Partial<Pick<Material, 'id' | 'updatedAt'>> & { fileName?: string | null };

export const NEW_MATERIAL: MaterialDraft = { trainingSet: 'New User', title: '', kind: 'video', url: '', minutes: 15, retired: false };

/** A training material: a document or video, by link or as an attached file, with its minutes and training set. */
export function MaterialEditor({ material, onClose }: { material: MaterialDraft | null; onClose: () => void }) {
  return (
    <Modal opened={material !== null} onClose={onClose} title={material?.id ? 'Edit training material' : 'New training material'} size="lg">
      {material && <MaterialForm key={material.id ?? 'new'} material={material} onClose={onClose} />}
    </Modal>
  );
}

function MaterialForm({ material, onClose }: { material: MaterialDraft; onClose: () => void }) {
  const { catalog } = useCatalog();
  const saving = useCatalogWrite('training.materials.save');
  const error = saving.error;
  const [draft, setDraft] = useState<MaterialDraft>(material);
  const [file, setFile] = useState<File | null>(null);

  async function save() {
    const attached = file ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined;
    saving.mutate({ id: draft.id, expectedUpdatedAt: material.updatedAt, trainingSet: draft.trainingSet, title: draft.title, kind: draft.kind, url: draft.url ?? '', minutes: draft.minutes, retired: draft.retired, file: attached }, { onSuccess: onClose });
  }

  return (
    <Stack>
        {error && <Alert color="red">{error.message}</Alert>}
        <TextInput label="Title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} required data-autofocus />
        <Group grow>
          <Select label="Training set" data={catalog?.trainingSets ?? []} value={draft.trainingSet} onChange={(v) => v && setDraft({ ...draft, trainingSet: v })} searchable allowDeselect={false} />
          <NumberInput label="Minutes" min={0} max={1000} value={draft.minutes} onChange={(v) => setDraft({ ...draft, minutes: Number(v) || 0 })} />
        </Group>
        <SegmentedControl value={draft.kind} onChange={(v) => setDraft({ ...draft, kind: v as MaterialKind })} data={[{ value: 'video', label: 'Video' }, { value: 'document', label: 'Document' }]} />
        <TextInput label="Link" placeholder="https://…" value={draft.url ?? ''} onChange={(e) => setDraft({ ...draft, url: e.currentTarget.value })} />
        <FileInput label="Or attach a file (sent with the training email)" placeholder={draft.fileName ?? 'Choose a file'} value={file} onChange={setFile} clearable />
        <Switch label="Retired (no longer sent)" checked={draft.retired} onChange={(e) => setDraft({ ...draft, retired: e.currentTarget.checked })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={saving.isPending} onClick={() => void save()}>
            Save material
          </Button>
        </Group>
    </Stack>
  );
}
