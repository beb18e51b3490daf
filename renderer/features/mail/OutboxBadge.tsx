import { Badge } from '@mantine/core';
import { useMailStatus } from './use-mail';
import { plural } from '../../../shared/plural';

/** The sidebar's count of failed messages: nothing shows while none failed. */
export function OutboxBadge() {
  // A hint only: the Outbox page itself says why if the core cannot answer.
  const failed = useMailStatus().data?.counts.failed ?? 0;
  if (!failed) return null;
  return (
    <Badge size="sm" color="red" aria-label={plural(failed, 'failed message', 'failed messages')}>
      {failed}
    </Badge>
  );
}
