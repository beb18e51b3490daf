import { Code, Group, Modal, Stack, Table, Tabs, Text } from '@mantine/core';
import { MAIL_STATUS_LABELS } from '../../../shared/domain/mail';
import { plural } from '../../../shared/plural';
import { formatInstant } from '../people/format';
import { addressList } from './mail-format';
import { MarkSentButton } from './MarkSentButton';
import { OpenDraftButton } from './OpenDraftButton';
import { useOutboxStore } from './outbox-store';
import { useOpenMessage } from './use-mail';

/**
 * One message as it was rendered. The HTML part is shown as source: the app's CSP allows no
 * frames, and rendering mail HTML into the app page itself would be unsafe.
 */
export function MessageViewer() {
  const { openId, close } = useOutboxStore();
  const { data: mail, error } = useOpenMessage();
  return (
    <Modal opened={openId !== null} onClose={close} title={mail?.subject ?? ''} size="xl">
      {error && <Text c="red">{error.message}</Text>}
      {mail && (
        <Stack gap="sm">
          <Text size="sm">
            <strong>To:</strong> {addressList(mail.to)}
            {mail.cc.length > 0 && (
              <>
                <br />
                <strong>Cc:</strong> {addressList(mail.cc)}
              </>
            )}
            <br />
            <strong>Status:</strong> {MAIL_STATUS_LABELS[mail.status]} after {plural(mail.attempts, 'attempt', 'attempts')}{mail.sentAt ? `, sent ${formatInstant(mail.sentAt)}` : ''}
            <br />
            <strong>Message-ID:</strong> {mail.messageId}
          </Text>
          {mail.lastError && <Text c="red" size="sm">{mail.lastError}</Text>}
          {mail.draftPath && <Text size="sm">Draft file: {mail.draftPath}</Text>}
          {mail.status === 'drafted' && !mail.lastError && (
            <Group gap="xs">
              <OpenDraftButton id={mail.id} size="sm" />
              <MarkSentButton id={mail.id} template={mail.template} size="sm" />
            </Group>
          )}
          {mail.recipients.length > 0 && (
            <Table aria-label="Recipients">
              <Table.Tbody>
                {mail.recipients.map((r) => (
                  <Table.Tr key={r.address}>
                    <Table.Td>{r.address}</Table.Td>
                    <Table.Td>{r.status === 'sent' ? 'Accepted' : 'Refused'}</Table.Td>
                    <Table.Td>{r.response}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Tabs defaultValue="text">
            <Tabs.List>
              <Tabs.Tab value="text">Text</Tabs.Tab>
              <Tabs.Tab value="html">HTML source</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="text" pt="xs">
              <Code block style={{ whiteSpace: 'pre-wrap' }}>{mail.text}</Code>
            </Tabs.Panel>
            <Tabs.Panel value="html" pt="xs">
              <Code block style={{ whiteSpace: 'pre-wrap' }}>{mail.html}</Code>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Modal>
  );
}
