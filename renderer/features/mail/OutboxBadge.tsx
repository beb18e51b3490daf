import { Badge } from '@mantine/core';
import { useEffect } from 'react';
import { useMailStatusStore } from './mail-status-store';

/** The sidebar's count of failed messages: nothing shows while none failed. */
export function OutboxBadge() {
  const failed = useMailStatusStore((s) => s.status?.counts.failed ?? 0);
  useEffect(() => {
    void useMailStatusStore.getState().load();
  }, []);
  if (!failed) return null;
  return (
    <Badge size="sm" color="red" aria-label={`${failed} failed messages`}>
      {failed}
    </Badge>
  );
}
