import type { EntityKind } from '../../../shared/contract';
import { api } from '../../api/client';

type Refresher = () => void;
const refreshers: { kinds: readonly EntityKind[]; refresh: Refresher }[] = [];
let started = false;

/**
 * Stores register what they show; one `changed` subscription refreshes the ones concerned. Keeping
 * the subscription here means a store can be imported (and tested) without a transport.
 */
export function onEntitiesChanged(kinds: readonly EntityKind[], refresh: Refresher): void {
  refreshers.push({ kinds, refresh });
}

export function startLiveUpdates(): () => void {
  if (started) return () => {};
  started = true;
  const off = api.on('changed', ({ entities }) => {
    for (const entry of refreshers) {
      if (entry.kinds.some((kind) => entities.includes(kind))) entry.refresh();
    }
  });
  return () => {
    started = false;
    off();
  };
}
