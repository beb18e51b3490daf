/**
 * Mail: 1,000 messages queued in the outbox and delivered to a local SMTP server, against bare
 * nodemailer pooled sending (pool of 5) of the same 1,000 rendered messages, in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { TEMPLATE_SAMPLES } from '../../shared/domain/mail-templates';
import { systemClock } from '../../electron/core/clock';
import type { CoreContext } from '../../electron/core/context';
import { createCore } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { mailDb } from '../../electron/core/mail/mail-schema';
import { queueMails } from '../../electron/core/mail/queue-mail';
import { createTestSmtpServer } from '../../electron/core/mail/test-support/smtp-test-server';
import { median, percentile, type BenchRow } from './bench-types';

const MESSAGES = Number(process.env.BENCH_MAIL_MESSAGES ?? 1_000);
const RUNS = Number(process.env.BENCH_MAIL_RUNS ?? 5);
const POOL = { maxConnections: 5 };

interface OutboxRun {
  queueMs: number;
  deliverMs: number;
  messages: SendMailOptions[];
}

/** One fresh data folder: MESSAGES people seeded (untimed), then queue + deliver (timed). */
async function outboxRun(port: number): Promise<OutboxRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-mail-'));
  const core = await createCore({ dataDir, operator: 'bench', mail: { sender: { smtp: POOL } } });
  const side = openDatabase(path.join(dataDir, 'hmis.sqlite'), new Date().toISOString());
  try {
    await core.handlers['demo.seed']({ people: MESSAGES });
    // demo seed leaves sample messages due now (a rejection, a reminder): cancel them so exactly MESSAGES go out.
    for (const m of (await core.handlers['mail.list']({ status: 'queued', offset: 0, limit: 100 })).items) await core.handlers['mail.cancel']({ id: m.id }).catch(() => undefined);
    await core.handlers['mail.settings.save']({ host: '127.0.0.1', port, tls: 'none', fromAddress: 'hmis@county.example.org', fromName: 'HMIS Office' });
    const ids = (await side.db.selectFrom('people').select('id').orderBy('id').execute()).map((r) => r.id);
    const ctx: CoreContext = { db: side.db, clock: systemClock(), dataDir, operator: 'bench', emit: () => {} };

    const start = performance.now();
    await ctx.db.transaction().execute((trx) => queueMails(trx, ctx, ids.map((personId) => ({ template: 'training_links' as const, personId, data: TEMPLATE_SAMPLES.training_links }))));
    const queued = performance.now();
    const result = await core.mail.sender.sendDue({ force: true });
    const delivered = performance.now();
    if (result.sent !== MESSAGES) throw new Error(`Expected ${MESSAGES} sent, got ${JSON.stringify(result)}`);
    const rows = await mailDb(side.db).selectFrom('mail_outbox').select(['to_addrs', 'subject', 'text_body', 'html_body']).where('template', '=', 'training_links').orderBy('id', 'desc').limit(MESSAGES).execute();
    const messages = rows.map((r) => ({ from: { name: 'HMIS Office', address: 'hmis@county.example.org' }, to: JSON.parse(r.to_addrs) as { address: string }[], subject: r.subject, text: r.text_body, html: r.html_body }));
    return { queueMs: queued - start, deliverMs: delivered - queued, messages: messages.map((m) => ({ ...m, to: m.to.map((a) => a.address) })) };
  } finally {
    await side.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The baseline: the same messages straight into a nodemailer pool, all at once. */
async function bareRun(port: number, messages: SendMailOptions[]): Promise<number> {
  const transport = nodemailer.createTransport({ pool: true, ...POOL, host: '127.0.0.1', port, secure: false, ignoreTLS: true, disableFileAccess: true, disableUrlAccess: true });
  try {
    const start = performance.now();
    await Promise.all(messages.map((m) => transport.sendMail(m)));
    return performance.now() - start;
  } finally {
    transport.close();
  }
}

export async function benchMail(): Promise<BenchRow[]> {
  const server = createTestSmtpServer({ countOnly: true });
  const port = await server.listen();
  const totals: number[] = [];
  const queues: number[] = [];
  const delivers: number[] = [];
  const bare: number[] = [];
  try {
    await bareRun(port, (await outboxRun(port)).messages); // warm-up: JIT, TLS-free sockets, template cache
    for (let run = 0; run < RUNS; run += 1) {
      const ours = await outboxRun(port);
      bare.push(await bareRun(port, ours.messages));
      queues.push(ours.queueMs);
      delivers.push(ours.deliverMs);
      totals.push(ours.queueMs + ours.deliverMs);
    }
  } finally {
    await server.close();
  }
  const baseline = median(bare);
  const perSecond = (ms: number) => Math.round((MESSAGES / ms) * 1000);
  return [
    {
      name: `mail: ${MESSAGES} queued + delivered via outbox (pool 5)`,
      medianMs: median(totals),
      p95Ms: percentile(totals, 95),
      baselineMs: baseline,
      ratio: median(totals) / baseline,
      goal: '≤ 2000 ms, ratio ≤ 1.5',
      note: `${perSecond(median(totals))} msg/s vs bare ${perSecond(baseline)} msg/s; ${RUNS} runs`,
    },
    { name: `mail: queue ${MESSAGES} (render + insert, one transaction)`, medianMs: median(queues), p95Ms: percentile(queues, 95), note: `${perSecond(median(queues))} msg/s` },
    { name: `mail: deliver ${MESSAGES} from the outbox`, medianMs: median(delivers), p95Ms: percentile(delivers, 95), baselineMs: baseline, ratio: median(delivers) / baseline, note: `${perSecond(median(delivers))} msg/s` },
  ];
}
