import type { Handlers } from '../../../shared/contract';
import type { agencyCalls } from '../../../shared/contract/people';
import type { CoreContext } from '../context';
import { createAgenciesService } from './agencies-service';

/** Partner agencies, spread into createCore's handlers. */
export function createAgenciesHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof agencyCalls> {
  const agencies = createAgenciesService(ctx);
  return {
    'agencies.list': () => agencies.list(),
    'agencies.create': (input) => agencies.create(input),
  };
}
