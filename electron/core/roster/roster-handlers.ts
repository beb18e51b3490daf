import type { Handlers } from '../../../shared/contract';
import type { rosterCalls } from '../../../shared/contract/roster';
import type { CoreContext } from '../context';
import { createRosterService } from './roster-service';

/** The roster check's share of the contract, spread into createCore's handlers. */
export function createRosterHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof rosterCalls> {
  const roster = createRosterService(ctx);
  return {
    'roster.preview': (input) => roster.preview(input),
    'roster.check': (input) => roster.check(input),
    'roster.export': (input) => roster.exportFindings(input),
    'roster.sample': () => roster.sample(),
  };
}
