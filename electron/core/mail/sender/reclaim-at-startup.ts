import { insertAudit } from '../../audit/audit.repo';
import type { CoreContext } from '../../context';
import { releaseEveryClaim } from '../outbox-admin.repo';
import type { SenderRegistry } from './sender-registry';

class SenderStillAlive extends Error {}

/**
 * Messages a killed sender had claimed go back to the queue now, not after the 10-minute reclaim
 * timeout, when the registry shows that no sender that could hold them is alive.
 *
 * The claims are released first and the registry read after, inside one transaction: the release
 * takes SQLite's write lock, so a sender that registers after the read cannot claim until this
 * commits, and one that registered before is seen and the release rolled back. Either way no
 * live sender's claim is taken from it.
 */
export async function reclaimFromDeadSenders(ctx: CoreContext, registry: SenderRegistry): Promise<number> {
  const now = ctx.clock.now().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const released = await releaseEveryClaim(trx, now);
      if (released.length === 0) return 0;
      if (registry.survey().alive > 0) throw new SenderStillAlive();
      await insertAudit(trx, {
        at: now,
        operator: ctx.operator,
        action: 'mail.reclaimed',
        entity: 'mail',
        entityId: null,
        after: { count: released.length, ids: released.slice(0, 500), reason: 'the sender that claimed them is no longer running' },
      });
      return released.length;
    });
  } catch (error) {
    if (error instanceof SenderStillAlive) return 0;
    throw error;
  }
}
