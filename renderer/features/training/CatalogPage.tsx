import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { QUIZ_KINDS } from '../../../shared/domain/quiz';
import { ASSESSMENT_SET } from '../../../shared/domain/quiz-training';
import { href } from '../../app/router';
import { useAppStore } from '../app/app-store';
import { useCatalog } from './use-catalog';
import { LevelEditor, NEW_LEVEL, type LevelDraft } from './LevelEditor';
import { MaterialEditor, NEW_MATERIAL, type MaterialDraft } from './MaterialEditor';

function LevelsTable({ onEdit }: { onEdit: (level: LevelDraft) => void }) {
  const { catalog, quizzes } = useCatalog();
  const title = (id: number | null) => quizzes.find((q) => q.id === id)?.title ?? '—';
  return (
    <Table striped verticalSpacing="xs" aria-label="Access levels">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Access level</Table.Th>
          <Table.Th>Training</Table.Th>
          <Table.Th>Quizzes (new user · recertification · assessment)</Table.Th>
          <Table.Th w={80}>People</Table.Th>
          <Table.Th w={70} className="no-print" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {catalog?.levels.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td fw={600}>{l.name}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {l.trainingSets.map((s) => (
                  <Badge key={s} variant="light" tt="none">
                    {s}
                  </Badge>
                ))}
                {l.includesAssessments && !l.trainingSets.includes(ASSESSMENT_SET) && (
                  <Badge variant="outline" tt="none">
                    + {ASSESSMENT_SET}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{QUIZ_KINDS.filter((k) => k !== 'assessment' || l.includesAssessments).map((k) => title(l.quizzes[k])).join(' · ')}</Text>
            </Table.Td>
            <Table.Td>{l.people}</Table.Td>
            <Table.Td className="no-print">
              <Button size="compact-xs" variant="subtle" onClick={() => onEdit(l)}>
                Edit
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MaterialsTable({ onEdit }: { onEdit: (m: MaterialDraft) => void }) {
  const { catalog } = useCatalog();
  return (
    <Table striped verticalSpacing="xs" aria-label="Training materials">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Training set</Table.Th>
          <Table.Th>Title</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Link or file</Table.Th>
          <Table.Th w={80}>Minutes</Table.Th>
          <Table.Th w={70} className="no-print" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {catalog?.materials.map((m) => (
          <Table.Tr key={m.id} c={m.retired ? 'dimmed' : undefined}>
            <Table.Td>{m.trainingSet}</Table.Td>
            <Table.Td>
              {m.title} {m.retired && <Badge color="gray">Retired</Badge>}
            </Table.Td>
            <Table.Td>{m.kind === 'video' ? 'Video' : 'Document'}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.url ? <Anchor href={m.url} target="_blank" rel="noreferrer" size="sm">{m.url}</Anchor> : m.file?.fileName}</Table.Td>
            <Table.Td>{m.minutes}</Table.Td>
            <Table.Td className="no-print">
              <Button size="compact-xs" variant="subtle" onClick={() => onEdit({ ...m, fileName: m.file?.fileName ?? null })}>
                Edit
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The training catalog: what each access level requires, the materials, and the quizzes levels use. */
export function CatalogPage() {
  const { error, settled } = useCatalog();
  const [level, setLevel] = useState<LevelDraft | null>(null);
  const [material, setMaterial] = useState<MaterialDraft | null>(null);
  useEffect(() => {
    if (settled) useAppStore.getState().markPageReady();
  }, [settled]);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Training catalog
      </Title>
      {error && !level && !material && <Alert color="red">{error.message}</Alert>}
      <Card withBorder component="section" aria-labelledby="levels-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="levels-title">
            Access levels
          </Title>
          <Button size="xs" variant="default" onClick={() => setLevel(NEW_LEVEL)} className="no-print">
            New access level
          </Button>
        </Group>
        <LevelsTable onEdit={setLevel} />
      </Card>
      <Card withBorder component="section" aria-labelledby="materials-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="materials-title">
            Training materials
          </Title>
          <Button size="xs" variant="default" onClick={() => setMaterial(NEW_MATERIAL)} className="no-print">
            New material
          </Button>
        </Group>
        <MaterialsTable onEdit={setMaterial} />
      </Card>
      <Text size="sm" c="dimmed" className="no-print">
        The HMIS login address named in the credentials email is in <Anchor href={href('/settings')} underline="always">Settings → Office</Anchor>.
      </Text>
      <LevelEditor level={level} onClose={() => setLevel(null)} />
      <MaterialEditor material={material} onClose={() => setMaterial(null)} />
    </Stack>
  );
}
