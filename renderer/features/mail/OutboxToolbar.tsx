import { Badge, Button, Group, SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AppError } from '../../../shared/app-error';
import { MAIL_STATUS_LABELS, MAIL_STATUSES, type MailStatus } from '../../../shared/domain/mail';
import { useMailStatusStore } from './mail-status-store';
import { useOutboxStore } from './outbox-store';

async function act(work: () => Promise<string>): Promise<void> {
  try {
    notifications.show({ color: 'teal', message: await work() });
  } catch (error) {
    notifications.show({ color: 'red', title: 'Not done', message: AppError.from(error).message });
  }
}

/** Status filter with counts, and the actions on the whole outbox. */
export function OutboxToolbar() {
  const status = useMailStatusStore((s) => s.status);
  const { filter, setFilter, retry, setPaused, sendNow } = useOutboxStore();
  const count = (s: MailStatus) => status?.counts[s] ?? 0;
  const togglePause = async (pause: boolean) => {
    await setPaused(pause);
    return pause ? 'Sending paused: nothing leaves until you resume.' : 'Sending resumed.';
  };
  const data = [{ value: 'all', label: 'All' }, ...MAIL_STATUSES.map((s) => ({ value: s, label: `${MAIL_STATUS_LABELS[s]} (${count(s)})` }))];

  return (
    <Group justify="space-between" className="no-print">
      <SegmentedControl aria-label="Show messages" value={filter ?? 'all'} onChange={(v) => setFilter(v === 'all' ? null : (v as MailStatus))} data={data} />
      <Group gap="xs">
        {status?.paused && <Badge color="orange">Sending paused</Badge>}
        <Button variant="default" onClick={() => void act(() => togglePause(!status?.paused))}>
          {status?.paused ? 'Resume sending' : 'Pause sending'}
        </Button>
        <Button variant="default" disabled={!count('failed')} onClick={() => void act(async () => `${await retry('allFailed')} failed message(s) will be sent again.`)}>
          Retry all failed
        </Button>
        <Button
          onClick={() =>
            void act(async () => {
              const r = await sendNow();
              return r.problem ?? (r.paused ? 'Sending is paused.' : `Sent ${r.sent}, saved ${r.drafted} as drafts, ${r.failed} failed, ${r.retrying} to try again later.`);
            })
          }
        >
          Send due messages now
        </Button>
      </Group>
    </Group>
  );
}
