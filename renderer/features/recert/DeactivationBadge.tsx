import { Badge } from '@mantine/core';
import { plural } from '../../../shared/plural';
import { useDeactivationCount } from './use-deactivations';

/** The sidebar's count of accounts waiting to be closed in the HMIS: nothing shows while none wait. */
export function DeactivationBadge() {
  const waiting = useDeactivationCount();
  if (!waiting) return null;
  return (
    <Badge size="sm" color="orange" aria-label={plural(waiting, 'account to deactivate', 'accounts to deactivate')}>
      {waiting.toLocaleString('en-US')}
    </Badge>
  );
}
