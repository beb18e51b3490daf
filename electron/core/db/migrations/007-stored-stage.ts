import type { Migration } from '../migration';

/**
 * Each person's stage as of their facts, stored on their row and indexed, so every queue is an
 * index range instead of a CASE over correlated subqueries per person (people/stage.repo.ts says
 * why). The facts decide it as shared/workflow.ts deriveStage() does; the view below is that rule
 * in SQL for one person, and triggers on every table and column it reads refresh the row in the
 * same statement as the fact write, whoever writes it (the app, the CLI, a merge repointing rows).
 *
 * - `people.stage`: the stage the facts give, before any rule that depends on today's date.
 * - `people.current_forms`: how many of the two signed forms are on file (not replaced), for the
 *   Pending documents "missing" section, which is not a stage (a trainee can lack a form).
 * - No CHECK on the stage's values: they are derived data a later migration redefines (drop the
 *   view and the triggers, create new ones, backfill) without rebuilding the people table.
 * - The refresh writes a row only when the answer changed. Its cost, at 100k people: 10–40 µs a
 *   fact row to run, and a few hundred µs to prepare a write statement on these tables (SQLite
 *   compiles the triggers into it; Kysely prepares each statement it runs), so write in chunks.
 * - The helpers below are part of this migration's text (its checksum): never edit them once landed.
 * - PostgreSQL (a later issue): the view and UPDATE … FROM port as written; each trigger becomes
 *   a PL/pgSQL function plus CREATE TRIGGER … FOR EACH ROW (or FOR EACH STATEMENT with transition
 *   tables, for bulk imports). That port is one migration of its own, not a change to this one.
 */
const refresh = (personIds: string) => `UPDATE people SET stage = v.stage, current_forms = v.current_forms
    FROM person_stage_derived AS v
    WHERE v.person_id = people.id AND people.id IN (${personIds}) AND (people.stage <> v.stage OR people.current_forms <> v.current_forms);`;

type Row = 'new' | 'old';

/**
 * AFTER INSERT, UPDATE OF the columns the rule reads, and DELETE, on a table of facts about a
 * person; `counts` says which rows the rule reads at all (the others cannot move a stage).
 */
function factTriggers(table: string, columns: string, person: (row: Row) => string, counts?: (row: Row) => string): string {
  const when = (...rows: Row[]) => (counts ? ` WHEN ${rows.map(counts).join(' OR ')}` : '');
  return `
CREATE TRIGGER ${table}_stage_insert AFTER INSERT ON ${table}${when('new')} BEGIN
  ${refresh(person('new'))}
END;
CREATE TRIGGER ${table}_stage_update AFTER UPDATE OF ${columns} ON ${table}${when('new', 'old')} BEGIN
  ${refresh(`${person('new')}, ${person('old')}`)}
END;
CREATE TRIGGER ${table}_stage_delete AFTER DELETE ON ${table}${when('old')} BEGIN
  ${refresh(person('old'))}
END;`;
}

const sendPerson = (row: Row) => `(SELECT s.person_id FROM training_sends AS s WHERE s.id = ${row}.send_id)`;

export const migration007: Migration = {
  version: 7,
  name: 'stored-stage',
  sql: `
ALTER TABLE people ADD COLUMN stage TEXT NOT NULL DEFAULT 'awaiting_documents';
ALTER TABLE people ADD COLUMN current_forms INTEGER NOT NULL DEFAULT 0 CHECK (current_forms BETWEEN 0 AND 2);

-- deriveStage() for the person p. "Not before the latest training email" is at >= coalesce(sent, ''):
-- NULL without the fact, true with it and no email. Two accepted current rows are the two forms
-- (one current document per person and kind, migration 004).
CREATE VIEW person_stage_derived AS
SELECT p.id AS person_id,
  (CASE
    WHEN p.request_type = 'deactivation' THEN 'deactivation_requested'
    WHEN (SELECT max(c.issued_at) FROM credentials AS c WHERE c.person_id = p.id)
      >= coalesce((SELECT max(s.sent_at) FROM training_sends AS s WHERE s.person_id = p.id), '') THEN 'active'
    WHEN (SELECT max(a.graded_at) FROM quiz_attempts AS a WHERE a.person_id = p.id AND a.passed = 1)
      >= coalesce((SELECT max(s.sent_at) FROM training_sends AS s WHERE s.person_id = p.id), '')
      AND (SELECT count(*) FROM training_sends AS s JOIN training_send_quizzes AS sq ON sq.send_id = s.id
        WHERE s.id = (SELECT s2.id FROM training_sends AS s2 WHERE s2.person_id = p.id ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM quiz_attempts AS a WHERE a.person_id = p.id AND a.quiz_id = sq.quiz_id AND a.passed = 1 AND a.graded_at >= s.sent_at)) = 0
      THEN 'quiz_passed'
    WHEN EXISTS (SELECT 1 FROM training_sends AS s WHERE s.person_id = p.id) THEN 'training_sent'
    WHEN (SELECT count(*) FROM documents AS d WHERE d.person_id = p.id AND d.status = 'accepted') = 2 THEN 'documents_accepted'
    WHEN EXISTS (SELECT 1 FROM documents AS d WHERE d.person_id = p.id AND d.status = 'in_review') THEN 'documents_in_review'
    WHEN EXISTS (SELECT 1 FROM documents AS d WHERE d.person_id = p.id AND d.status = 'rejected') THEN 'documents_rejected'
    ELSE 'awaiting_documents'
  END) AS stage,
  (SELECT count(*) FROM documents AS d WHERE d.person_id = p.id AND d.status <> 'replaced') AS current_forms
FROM people AS p;

-- A new person has no facts yet (foreign keys), so only their request type can differ from the default.
CREATE TRIGGER people_stage_insert AFTER INSERT ON people
  WHEN new.request_type = 'deactivation' OR new.stage <> 'awaiting_documents' OR new.current_forms <> 0 BEGIN
  ${refresh('new.id')}
END;
CREATE TRIGGER people_stage_update AFTER UPDATE OF request_type ON people BEGIN
  ${refresh('new.id')}
END;
${factTriggers('documents', 'person_id, kind, status', (row) => `${row}.person_id`)}
${factTriggers('training_sends', 'person_id, sent_at', (row) => `${row}.person_id`)}
${factTriggers('training_send_quizzes', 'send_id, quiz_id', sendPerson)}
-- Only passing attempts decide a stage: a failed or unmarked one (most of a bulk import) costs nothing.
${factTriggers('quiz_attempts', 'person_id, quiz_id, passed, graded_at', (row) => `${row}.person_id`, (row) => `${row}.passed = 1`)}
${factTriggers('credentials', 'person_id, issued_at', (row) => `${row}.person_id`)}

UPDATE people SET stage = v.stage, current_forms = v.current_forms
  FROM person_stage_derived AS v
  WHERE v.person_id = people.id AND (people.stage <> v.stage OR people.current_forms <> v.current_forms);

-- Each queue is a range of one of these: by name (the master list), by registration (the queues).
CREATE INDEX people_by_stage_name ON people (stage, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id);
CREATE INDEX people_by_stage_registered ON people (stage, registered_on, id);
-- Exactly the Pending documents "missing" section, so its page and its count read only its members.
CREATE INDEX people_missing_forms ON people (registered_on, id) WHERE current_forms < 2 AND request_type <> 'deactivation';
-- Counting the people not on their way out was for the stage filters this replaces (migration 006).
DROP INDEX people_by_request_type;
-- The "rejected" section waits since the review: its page walks this instead of sorting the section.
CREATE INDEX documents_by_status_reviewed ON documents (status, reviewed_at);
`,
};
