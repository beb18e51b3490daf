import type BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { OwedRange } from '../../shared/recert';
import { GENESIS_HASH, rowHash } from '../../electron/core/audit/audit-chain';

/**
 * The daily reminder run as the raw engine would do it, for the ratio: one transaction on bare
 * better-sqlite3 with prepared statements, the same claim (INSERT … SELECT on the UNIQUE key),
 * one outbox row with a plain template-literal body and one audit row per claimed reminder, and
 * the link back. No templates, no checks, no chunks: the floor for the same rows written.
 */
export function rawRemind(sqlite: BetterSqlite3.Database, ranges: readonly OwedRange[], today: string, nowIso: string): number {
  const table = ranges.map(() => 'SELECT ? AS offset_days, ? AS due_from, ? AS due_to').join(' UNION ALL ');
  const claim = sqlite.prepare(`INSERT INTO recert_reminders (person_id, due_on, offset_days, queued_on, queued_at)
    SELECT p.id, p.recert_due_on, o.offset_days, ?, ? FROM (${table}) AS o CROSS JOIN people AS p
    WHERE p.stage = 'active' AND p.recert_due_on >= o.due_from AND p.recert_due_on <= o.due_to
    ON CONFLICT (person_id, due_on, offset_days) DO NOTHING RETURNING id, person_id AS personId, due_on AS dueOn, offset_days AS offsetDays`);
  const person = sqlite.prepare('SELECT first_name AS firstName, last_name AS lastName, email FROM people WHERE id = ?');
  const mail = sqlite.prepare(`INSERT INTO mail_outbox (message_id, person_id, template, to_addrs, cc_addrs, subject, text_body, html_body, attachments, status, next_attempt_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, '[]', ?, ?, ?, '[]', 'queued', ?, ?, ?)`);
  // The audit is a hash chain (migration 013): the raw engine numbers and hashes its rows too.
  const insertAudit = sqlite.prepare(`INSERT INTO audit (id, at, operator, action, entity, entity_id, after, prev_hash, hash) VALUES (?, ?, 'bench', 'mail.queued', 'mail', ?, ?, ?, ?)`);
  const tail = sqlite.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1');
  let last: { id: number; hash: string } = { id: 0, hash: GENESIS_HASH };
  const audit = {
    run(at: string, mailId: number, after: string) {
      const row = { id: last.id + 1, at, operator: 'bench', action: 'mail.queued', entity: 'mail', entity_id: mailId, before: null, after, note: null };
      const hash = rowHash(last.hash, row);
      insertAudit.run(row.id, at, mailId, after, last.hash, hash);
      last = { id: row.id, hash };
    },
  };
  const link = sqlite.prepare('UPDATE recert_reminders SET mail_id = ? WHERE id = ?');
  return sqlite.transaction(() => {
    last = (tail.get() as { id: number; hash: string } | undefined) ?? last;
    const claimed = claim.all(today, nowIso, ...ranges.flatMap((r) => [r.offsetDays, r.dueFrom, r.dueTo])) as { id: number; personId: number; dueOn: string; offsetDays: number }[];
    for (const c of claimed) {
      const p = person.get(c.personId) as { firstName: string; lastName: string; email: string };
      const template = c.offsetDays > 0 ? 'overdue_notice' : 'recert_reminder';
      const subject = `HMIS recertification due ${c.dueOn}`;
      const text = `Hello ${p.firstName},\n\nYour yearly HMIS recertification is due on ${c.dueOn}.\n`;
      const to = JSON.stringify([{ address: p.email, name: `${p.firstName} ${p.lastName}` }]);
      const mailId = Number(mail.run(`<${randomUUID()}@bench>`, c.personId, template, to, subject, text, `<p>${text}</p>`, nowIso, nowIso, nowIso).lastInsertRowid);
      audit.run(nowIso, mailId, JSON.stringify({ template, personId: c.personId, to: [p.email], subject }));
      link.run(mailId, c.id);
    }
    return claimed.length;
  })();
}

/**
 * Marks where the reminder tables end, and removes what a run added after the mark: each round
 * starts from the same state. The audit is append-only: its rows stay, and the next run's rows
 * continue the chain after them.
 */
export function runMarks(sqlite: BetterSqlite3.Database) {
  const max = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;
  const marks = { recert_reminders: max('recert_reminders'), mail_outbox: max('mail_outbox') };
  return () => {
    sqlite.transaction(() => {
      for (const [table, id] of Object.entries(marks)) sqlite.prepare(`DELETE FROM ${table} WHERE id > ?`).run(id);
    })();
  };
}
