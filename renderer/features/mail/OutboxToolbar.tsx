import { Badge, Button, Group, SegmentedControl } from '@mantine/core';
import { MAIL_STATUS_LABELS, MAIL_STATUSES, type MailStatus } from '../../../shared/domain/mail';
import { useOutboxStore } from './outbox-store';
import { useMailAction, useMailStatus } from './use-mail';
import { plural } from '../../../shared/plural';

/** Status filter with counts, and the actions on the whole outbox. */
export function OutboxToolbar() {
  const status = useMailStatus().data;
  const { filter, setFilter } = useOutboxStore();
  const pause = useMailAction('mail.pause', () => 'Sending paused: nothing leaves until you resume.');
  const resume = useMailAction('mail.resume', () => 'Sending resumed.');
  const retry = useMailAction('mail.retry', ({ changed }) => `${plural(changed, 'failed message', 'failed messages')} will be sent again.`);
  const sendNow = useMailAction('mail.sendDue', (r) => r.problem ?? (r.paused ? 'Sending is paused.' : `Sent ${r.sent}, saved ${plural(r.drafted, 'draft', 'drafts')}, ${r.failed} failed, ${r.retrying} to try again later.`));
  const count = (s: MailStatus) => status?.counts[s] ?? 0;
  const data = [{ value: 'all', label: 'All' }, ...MAIL_STATUSES.map((s) => ({ value: s, label: `${MAIL_STATUS_LABELS[s]} (${count(s)})` }))];

  return (
    <Group justify="space-between" className="no-print">
      <SegmentedControl aria-label="Show messages" value={filter ?? 'all'} onChange={(v) => setFilter(v === 'all' ? null : (v as MailStatus))} data={data} />
      <Group gap="xs">
        {status?.paused && <Badge color="orange">Sending paused</Badge>}
        <Button variant="default" loading={pause.isPending || resume.isPending} onClick={() => (status?.paused ? resume.mutate({}) : pause.mutate({}))}>
          {status?.paused ? 'Resume sending' : 'Pause sending'}
        </Button>
        <Button variant="default" disabled={!count('failed')} loading={retry.isPending} onClick={() => retry.mutate({ allFailed: true })}>
          Retry all failed
        </Button>
        <Button loading={sendNow.isPending} onClick={() => sendNow.mutate({ force: false })}>
          Send due messages now
        </Button>
      </Group>
    </Group>
  );
}
