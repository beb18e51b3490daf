import type { Handlers } from '../../../shared/contract';
import type { accessLevelCalls } from '../../../shared/contract/people';
import type { CoreContext } from '../context';
import { createAccessLevelsService } from './access-levels-service';

/** The office's access levels, spread into createCore's handlers. */
export function createAccessLevelsHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof accessLevelCalls> {
  const accessLevels = createAccessLevelsService(ctx);
  return {
    'accessLevels.list': () => accessLevels.list(),
  };
}
