import path from 'node:path';
import type { Quiz } from '../../../../shared/domain/quiz';
import type { Core } from '../../create-core';
import { GENESIS_HASH, rowHash } from '../../audit/audit-chain';
import { openSqlite } from '../../db/sqlite.repo';
import { answersWithMistakes, perfectAnswers } from '../../quizzes/test-support/training-kit';

/**
 * A small office with known answers (today is 2026-11-28, the default policy: 30 days' grace),
 * written straight to the tables so the triggers derive every stage and due date:
 *
 * River City Outreach (manager Dana Whitfield)     Delta Recovery (no contact email)
 *   Ana Awaiting   registered 11-01, no forms        Gus Lapsed    certified 2025-09-01 (due 2026-09-01)
 *   Ben Review     registered 10-01, SV in review    Hana Training registered 11-01, training 11-15,
 *                  since 11-20, EUA missing                        failed the quiz 11-18 and 11-21
 *   Cara Rejected  registered 09-01, SV rejected     Ivy Passed    registered 10-15, training 11-10,
 *                  11-10 (missing signature)                       passed first time 11-12
 *   Dev Current    certified 2026-06-01
 *   Eve DueSoon    certified 2025-12-10 (due 12-10)
 *   Finn Overdue   certified 2025-11-10 (due 11-10)
 */
export async function reportOffice(core: Core, dataDir: string) {
  const quiz = (await core.handlers['quizzes.list']({})).find((q) => q.kind === 'new_user') as Quiz;
  const levels = await core.handlers['accessLevels.list']({});
  const [l1, l2] = levels as [(typeof levels)[number], (typeof levels)[number]];
  const sqlite = openSqlite(path.join(dataDir, 'hmis.sqlite'));
  const at = '2026-01-01T00:00:00.000Z';
  let sha = 0;
  try {
    const agency = sqlite.prepare(`INSERT INTO agencies (name, contact_name, contact_email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
    const river = Number(agency.run('River City Outreach', 'Dana Whitfield', 'dana.whitfield@rivercity.example.org', at, at).lastInsertRowid);
    const delta = Number(agency.run('Delta Recovery', null, null, at, at).lastInsertRowid);
    const person = sqlite.prepare(`INSERT INTO people (first_name, last_name, email, agency_id, access_level_id, request_type, registered_on, supervisor_name, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'new_user', ?, 'Sam Boss', ?, ?)`);
    const add = (first: string, last: string, agencyId: number, levelId: number, registeredOn: string) =>
      Number(person.run(first, last, `${first.toLowerCase()}@${agencyId === river ? 'rivercity' : 'delta'}.example.org`, agencyId, levelId, registeredOn, at, at).lastInsertRowid);
    const doc = sqlite.prepare(`INSERT INTO documents (person_id, kind, status, file_name, file_sha256, file_size, page_count, findings, form_values, uploaded_at, uploaded_by, reviewed_at, reviewed_by, reject_reasons, reject_note)
      VALUES (?, ?, ?, 'form.pdf', ?, 10, 1, '[]', '{}', ?, 'clerk', ?, ?, ?, ?)`);
    const form = (personId: number, kind: string, status: string, uploadedAt: string, reviewedAt: string | null, reasons = '[]', note: string | null = null) =>
      doc.run(personId, kind, status, String((sha += 1)).padStart(64, '0'), uploadedAt, reviewedAt, reviewedAt ? 'clerk' : null, reasons, note);
    const bothAccepted = (personId: number) => {
      form(personId, 'staff_verification', 'accepted', '2025-01-02T10:00:00.000Z', '2025-01-03T10:00:00.000Z');
      form(personId, 'end_user_agreement', 'accepted', '2025-01-02T10:00:00.000Z', '2025-01-03T10:00:00.000Z');
    };
    const credential = sqlite.prepare(`INSERT INTO credentials (person_id, username, certified_on, new_password, issued_at) VALUES (?, ?, ?, 0, ?)`);
    const certified = (first: string, last: string, agencyId: number, on: string) => {
      const id = add(first, last, agencyId, l1.id, '2025-01-01');
      bothAccepted(id);
      credential.run(id, first.toLowerCase(), on, `${on}T12:00:00.000Z`);
      return id;
    };
    const send = sqlite.prepare(`INSERT INTO training_sends (person_id, access_level_id, material_titles, sent_at) VALUES (?, ?, '[]', ?)`);
    const sendQuiz = sqlite.prepare(`INSERT INTO training_send_quizzes (send_id, quiz_id) VALUES (?, ?)`);
    const attempt = sqlite.prepare(`INSERT INTO quiz_attempts (person_id, quiz_id, quiz_version_id, taken_on, source, answers, score, max_score, percent, passed, graded_at, updated_at)
      VALUES (?, ?, ?, ?, 'hand', ?, ?, 10, ?, ?, ?, ?)`);
    const trained = (personId: number, sentOn: string) => sendQuiz.run(Number(send.run(personId, l2.id, `${sentOn}T09:00:00.000Z`).lastInsertRowid), quiz.id);
    const tookQuiz = (personId: number, on: string, wrong: number) =>
      attempt.run(personId, quiz.id, quiz.versionId, on, JSON.stringify(wrong ? answersWithMistakes(quiz, wrong) : perfectAnswers(quiz)), 10 - wrong, (10 - wrong) * 10, wrong ? 0 : 1, `${on}T16:00:00.000Z`, `${on}T16:00:00.000Z`);

    const ids = {
      ana: add('Ana', 'Awaiting', river, l1.id, '2026-11-01'),
      ben: add('Ben', 'Review', river, l1.id, '2026-10-01'),
      cara: add('Cara', 'Rejected', river, l2.id, '2026-09-01'),
      dev: certified('Dev', 'Current', river, '2026-06-01'),
      eve: certified('Eve', 'DueSoon', river, '2025-12-10'),
      finn: certified('Finn', 'Overdue', river, '2025-11-10'),
      gus: certified('Gus', 'Lapsed', delta, '2025-09-01'),
      hana: add('Hana', 'Training', delta, l2.id, '2026-11-01'),
      ivy: add('Ivy', 'Passed', delta, l2.id, '2026-10-15'),
    };
    form(ids.ben, 'staff_verification', 'in_review', '2026-11-20T10:00:00.000Z', null);
    form(ids.cara, 'staff_verification', 'rejected', '2026-11-08T10:00:00.000Z', '2026-11-10T10:00:00.000Z', '["missing_signature"]', 'Page 2 unsigned');
    form(ids.cara, 'end_user_agreement', 'accepted', '2026-11-04T10:00:00.000Z', '2026-11-05T10:00:00.000Z');
    for (const id of [ids.hana, ids.ivy]) bothAccepted(id);
    trained(ids.hana, '2026-11-15');
    tookQuiz(ids.hana, '2026-11-18', 3);
    tookQuiz(ids.hana, '2026-11-21', 3);
    trained(ids.ivy, '2026-11-10');
    tookQuiz(ids.ivy, '2026-11-12', 0);

    // The audit log the activity report reads: three entries in the last 30 days, one long before.
    // The audit is a hash chain (migration 013): each row continues it from the newest one.
    const insert = sqlite.prepare(`INSERT INTO audit (id, at, operator, action, entity, entity_id, before, after, note, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const audit = {
      run(at: string, operator: string, action: string, entity: string, entityId: number, before: string | null, after: string | null, note: string | null) {
        const tail = sqlite.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
        const row = { id: (tail?.id ?? 0) + 1, at, operator, action, entity, entity_id: entityId, before, after, note };
        const prev = tail?.hash ?? GENESIS_HASH;
        insert.run(row.id, at, operator, action, entity, entityId, before, after, note, prev, rowHash(prev, row));
      },
    };
    audit.run('2026-09-01T15:00:00.000Z', 'j.rivera', 'person.registered', 'person', ids.cara, null, JSON.stringify({ agencyId: river, accessLevelId: l2.id }), null);
    audit.run('2026-11-10T10:00:00.000Z', 'j.rivera', 'document.rejected', 'person', ids.cara, null, JSON.stringify({ reasons: 'Missing signature', note: 'Page 2 unsigned' }), 'Staff Verification for HMIS Access (document #5, form.pdf)');
    audit.run('2026-11-20T10:00:00.000Z', 'm.lopez', 'person.updated', 'person', ids.ben, JSON.stringify({ phone: null }), JSON.stringify({ phone: '(916) 555-0100' }), null);
    audit.run('2026-11-27T16:00:00.000Z', 'm.lopez', 'person.updated', 'agency', delta, JSON.stringify({ mailId: null }), JSON.stringify({ mailId: 2 }), null);
    return { ids, river, delta, quiz, l1, l2 };
  } finally {
    sqlite.close();
  }
}
