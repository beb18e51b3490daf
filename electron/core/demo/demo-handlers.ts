import type { Handlers } from '../../../shared/contract';
import type { CoreContext } from '../context';
import type { FileStore } from '../files/file-store';
import { seedDemo } from './demo-seed-service';

/** Sample data, spread into createCore's handlers; `seedSampleDocuments` comes from the documents feature. */
export function createDemoHandlers(ctx: CoreContext, deps: { seedSampleDocuments(): Promise<unknown>; files: FileStore }): Pick<Handlers, 'demo.seed'> {
  return {
    'demo.seed': async (input) => {
      const seeded = await seedDemo(ctx, deps.files, input.people);
      // PDFs are read in workers, which no transaction may wait for: documents follow the commit.
      await deps.seedSampleDocuments();
      return seeded;
    },
  };
}
