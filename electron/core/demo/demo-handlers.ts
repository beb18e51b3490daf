import type { Handlers } from '../../../shared/contract';
import type { CoreContext } from '../context';
import type { FileStore } from '../files/file-store';
import { seedSampleReminder } from '../mail/mail-demo';
import { seedDemo } from './demo-seed-service';

/** Sample data, spread into createCore's handlers; `seedSampleDocuments` comes from the documents feature. */
export function createDemoHandlers(ctx: CoreContext, deps: { seedSampleDocuments(): Promise<unknown>; files: FileStore }): Pick<Handlers, 'demo.seed'> {
  return {
    'demo.seed': async (input) => {
      const seeded = await seedDemo(ctx, deps.files, input.people);
      // PDFs are read in workers, which no transaction may wait for: documents follow the commit.
      await deps.seedSampleDocuments();
      // Today's reminder comes last, so the outbox lists every sample message in time order.
      await ctx.db.transaction().execute((trx) => seedSampleReminder(trx, ctx));
      ctx.emit('changed', { entities: ['mail'] });
      return seeded;
    },
  };
}
