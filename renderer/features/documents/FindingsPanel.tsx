import { Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { REJECT_REASON_TEXT, type DocumentRecord, type FormValues } from '../../../shared/domain/document';
import { formatInstant } from '../people/format';
import { FINDING_COLOR, FINDING_MARK, FINDING_WORD, megabytes } from './document-words';

const VALUE_LABELS: Record<keyof FormValues, string> = {
  userName: 'User name',
  userEmail: 'User email',
  supervisorName: 'Supervisor',
  supervisorEmail: 'Supervisor email',
  agency: 'Agency',
  accessLevel: 'Access level',
};

/** What the reader checked, each with its verdict in words and a mark, not colour alone. */
export function FindingsList({ doc }: { doc: DocumentRecord }) {
  if (doc.findings.length === 0) return <Text size="sm">No checks apply to this file.</Text>;
  return (
    <List listStyleType="none" spacing="xs" aria-label="Findings">
      {doc.findings.map((f) => (
        <List.Item key={`${f.key}-${f.label}`} data-finding={f.key} data-status={f.status}>
          <div className="finding">
            <Text span c={FINDING_COLOR[f.status]} className="finding-mark" aria-hidden="true">
              {FINDING_MARK[f.status]}
            </Text>
            <div>
              <Text size="sm" fw={600}>
                {f.label}: <Text span c={FINDING_COLOR[f.status]} fw={600} size="sm">{FINDING_WORD[f.status]}</Text>
              </Text>
              <Text size="sm">{f.message}</Text>
            </div>
          </div>
        </List.Item>
      ))}
    </List>
  );
}

function ReadValues({ values }: { values: FormValues }) {
  const rows = (Object.keys(VALUE_LABELS) as (keyof FormValues)[]).filter((k) => values[k]);
  if (rows.length === 0) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} aria-label="Read from the form">
      <Table.Tbody>
        {rows.map((key) => (
          <Table.Tr key={key}>
            <Table.Td w={130}>
              <Text size="xs" c="dimmed">
                {VALUE_LABELS[key]}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {values[key]}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The review screen's side panel: findings, values read off the form, the file, and any decision. */
export function FindingsPanel({ doc }: { doc: DocumentRecord }) {
  return (
    <Stack gap="md">
      <Card withBorder padding="md" component="section" aria-labelledby="findings-title">
        <Title order={2} size="h5" id="findings-title" mb="xs">
          Checks
        </Title>
        <FindingsList doc={doc} />
      </Card>
      <Card withBorder padding="md" component="section" aria-labelledby="values-title">
        <Title order={2} size="h5" id="values-title" mb="xs">
          Read from the form
        </Title>
        <ReadValues values={doc.values} />
        <Text size="xs" c="dimmed" mt="xs">
          {doc.fileName} · {megabytes(doc.size)} · {doc.pageCount} {doc.pageCount === 1 ? 'page' : 'pages'} · attached {formatInstant(doc.uploadedAt)} by {doc.uploadedBy}
        </Text>
      </Card>
      {doc.reviewedAt && (
        <Card withBorder padding="md" component="section" aria-label="Decision">
          <Text size="sm">
            {doc.status === 'accepted' ? 'Accepted' : 'Rejected'} {formatInstant(doc.reviewedAt)} by {doc.reviewedBy}.
          </Text>
          {doc.rejectReasons.map((r) => (
            <Text size="sm" key={r}>
              • {REJECT_REASON_TEXT[r].label}
            </Text>
          ))}
          {doc.rejectNote && <Text size="sm">“{doc.rejectNote}”</Text>}
        </Card>
      )}
    </Stack>
  );
}
