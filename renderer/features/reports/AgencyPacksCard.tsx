import { Alert, Button, Card, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { plural } from '../../../shared/plural';
import { useCallMutation } from '../../api/use-call';

/**
 * One click: a PDF per agency (its compliance scorecard and its people's status) into a folder of
 * the data folder, optionally queued to each agency's manager through the Outbox. What was made,
 * and which agency got no email and why, stays on the card.
 */
export function AgencyPacksCard() {
  const [email, setEmail] = useState(false);
  const packs = useCallMutation('reports.agencyPacks', { errorShownInPlace: true });
  const result = packs.data;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="agency-packs-title" className="no-print">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="agency-packs-title">
            Agency packs
          </Title>
          <Text size="sm">One PDF per agency — its recertification scorecard and where each of its people stands — ready to send to the agency manager.</Text>
        </div>
        <Group gap="md">
          <Button onClick={() => packs.mutate({ email })} loading={packs.isPending}>
            Make agency packs
          </Button>
          <Checkbox label="Also queue an email to each agency's manager, the PDF attached (sent from the Outbox)" checked={email} onChange={(e) => setEmail(e.currentTarget.checked)} />
        </Group>
        {packs.isPending && <Text size="sm" c="dimmed">Printing one PDF per agency; this takes a few seconds for each.</Text>}
        {packs.error && (
          <Alert color="red" title="No packs made">
            {packs.error.message}
          </Alert>
        )}
        {result && (
          <Alert color="teal" variant="light" title={`${plural(result.packs.length, 'pack', 'packs')} made`} data-testid="agency-packs-result">
            <Text size="sm">
              Saved in <span className="data-dir">{result.folder}</span>
              {result.packs.some((p) => p.queuedTo) ? `; ${plural(result.packs.filter((p) => p.queuedTo).length, 'email', 'emails')} queued in the Outbox.` : '.'}
            </Text>
            {result.notEmailed.length > 0 && (
              <List size="sm" mt={4}>
                {result.notEmailed.map((n) => (
                  <List.Item key={n.agencyName}>{n.reason}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
