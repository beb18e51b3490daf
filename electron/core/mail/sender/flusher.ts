import type { AuditWrite } from '../../audit/audit.repo';
import { insertAudits } from '../../audit/audit.repo';
import type { CoreContext } from '../../context';
import { writeOutcomes, type MailOutcome } from '../outbox.repo';

interface Tally {
  sent: number;
  drafted: number;
  failed: number;
  retrying: number;
}

const ACTION: Record<MailOutcome['status'], string> = { sent: 'mail.sent', drafted: 'mail.drafted', failed: 'mail.failed', queued: 'mail.retry_scheduled' };

/**
 * Collects outcomes and writes them in one transaction per `every` results (or `afterMs`), with
 * their audit rows: per-message commits would cost an fsync each. A crash loses at most one
 * unwritten batch, whose messages are then sent again (at-least-once, never lost).
 */
export function createFlusher(ctx: CoreContext, options: { every: number; afterMs: number }) {
  let buffer: MailOutcome[] = [];
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  let timer: NodeJS.Timeout | null = null;
  const tally: Tally = { sent: 0, drafted: 0, failed: 0, retrying: 0 };

  async function write(outcomes: MailOutcome[]): Promise<void> {
    const now = ctx.clock.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const written = new Set(await writeOutcomes(trx, outcomes, now));
      const audits: AuditWrite[] = outcomes
        .filter((o) => written.has(o.id))
        .map((o) => ({ at: now, operator: ctx.operator, action: ACTION[o.status], entity: 'mail', entityId: o.id, after: { status: o.status, ...(o.lastError ? { lastError: o.lastError } : {}) } }));
      await insertAudits(trx, audits);
    });
    for (const o of outcomes) {
      if (o.status === 'queued') tally.retrying += 1;
      else tally[o.status] += 1;
    }
    ctx.emit('changed', { entities: ['mail'] });
  }

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    // Kept, not thrown here: the rows stay `sending` and are reclaimed later; drain() reports it.
    chain = chain.then(() => write(batch)).catch((error: unknown) => {
      failure ??= error;
    });
  }

  return {
    tally,
    add(outcome: MailOutcome): void {
      buffer.push(outcome);
      if (buffer.length >= options.every) flush();
      else timer ??= setTimeout(flush, options.afterMs);
    },
    /** Writes what is left and waits for every write; rethrows a failed write. */
    async drain(): Promise<void> {
      flush();
      await chain;
      if (failure) throw failure;
    },
  };
}
