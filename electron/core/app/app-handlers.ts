import type { Handlers } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { createAppService } from './app-service';

/** The app's own calls (version, first run), spread into createCore's handlers. */
export function createAppHandlers(ctx: CoreContext): Pick<Handlers, 'app.info' | 'app.dismissWelcome'> {
  const app = createAppService(ctx);
  return {
    'app.info': () => app.info(),
    'app.dismissWelcome': () => app.dismissWelcome(),
  };
}
