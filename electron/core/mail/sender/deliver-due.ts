import type { CoreContext } from '../../context';
import { releaseClaims } from '../outbox-admin.repo';
import { claimDue, type ClaimedMail } from '../outbox.repo';
import type { Channel } from './channel';
import type { createFlusher } from './flusher';

interface DeliverOptions {
  /** Rows marked `sending` per claim. */
  batchSize: number;
  /** Messages in flight at once: enough to keep every pooled connection busy. */
  concurrency: number;
  /** A `sending` row older than this was left by a sender that died; it is taken again. */
  reclaimAfterMs: number;
  /** `mail.sendDue { force: true }`: deliver even while sending is paused. */
  evenIfPaused: boolean;
  stopping(): boolean;
}

/**
 * Delivers everything due, claiming the next batch as soon as the current one is handed out, so
 * the SMTP pool never waits on the database. Ends when a claim comes back empty.
 */
export async function deliverDue(ctx: CoreContext, channel: Channel, flusher: ReturnType<typeof createFlusher>, options: DeliverOptions): Promise<void> {
  const queue: ClaimedMail[] = [];
  let exhausted = false;
  let claiming: Promise<void> | null = null;

  function claim(): Promise<void> {
    claiming ??= (async () => {
      const now = ctx.clock.now();
      const staleBefore = new Date(now.getTime() - options.reclaimAfterMs).toISOString();
      const got = await claimDue(ctx.db, now.toISOString(), staleBefore, options.batchSize, { evenIfPaused: options.evenIfPaused });
      if (got.length === 0) exhausted = true;
      queue.push(...got);
    })().finally(() => {
      claiming = null;
    });
    return claiming;
  }

  async function next(): Promise<ClaimedMail | undefined> {
    while (queue.length === 0 && !exhausted && !options.stopping()) await claim();
    return options.stopping() ? undefined : queue.shift();
  }

  async function worker(): Promise<void> {
    for (let mail = await next(); mail; mail = await next()) flusher.add(await channel.deliver(mail, { retry: true }));
  }

  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await releaseClaims(ctx.db, queue.splice(0).map((m) => m.id), ctx.clock.now().toISOString());
    await flusher.drain();
  }
}
