import type { Migration } from '../migration';

/**
 * A quiz attempt staff entered by mistake can be voided (issue 12): it stays in the person's history
 * with who voided it, when and why, and from then on it counts for nothing — no stage, no grading
 * queue, no results email. The stored stage (migration 007) must treat it as absent, so the view
 * reads only attempts not voided, and the quiz_attempts triggers also fire when `voided_at` is
 * written (voiding a passing attempt can move a person back to "training sent").
 * - Voiding is one-way (`voided_at` set once, by the core's conditional UPDATE): the CHECK keeps
 *   the three columns together, so a void without its reason cannot be stored.
 * - The view is 008's (recertification stages), each read of quiz_attempts with
 *   `a.voided_at IS NULL` added; the triggers are 007's for quiz_attempts, with the same rule on
 *   which rows count. Voiding a passed recertification quiz removes the certification it earned
 *   (008's certifications triggers then move the stored due date back).
 * - The trigger text below is part of this migration's checksum: never edit it once landed.
 */
const refresh = (personIds: string) => `UPDATE people SET stage = v.stage, current_forms = v.current_forms
    FROM person_stage_derived AS v
    WHERE v.person_id = people.id AND people.id IN (${personIds}) AND (people.stage <> v.stage OR people.current_forms <> v.current_forms);`;

/** Only a passing attempt that is not voided decides a stage. */
const counts = (row: 'new' | 'old') => `(${row}.passed = 1 AND ${row}.voided_at IS NULL)`;

export const migration009: Migration = {
  version: 9,
  name: 'attempt-void',
  sql: `
ALTER TABLE quiz_attempts ADD COLUMN voided_at TEXT;
ALTER TABLE quiz_attempts ADD COLUMN voided_by TEXT;
ALTER TABLE quiz_attempts ADD COLUMN void_reason TEXT
  CHECK ((voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
    OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL AND length(trim(void_reason)) BETWEEN 1 AND 500));

DROP VIEW person_stage_derived;
CREATE VIEW person_stage_derived AS
SELECT p.id AS person_id,
  (CASE
    WHEN EXISTS (SELECT 1 FROM deactivations AS x WHERE x.person_id = p.id AND x.reactivated_at IS NULL) THEN 'deactivated'
    WHEN p.request_type = 'deactivation' THEN 'deactivation_requested'
    WHEN (SELECT max(x.reactivated_at) FROM deactivations AS x WHERE x.person_id = p.id)
      > coalesce((SELECT max(s.sent_at) FROM training_sends AS s WHERE s.person_id = p.id), '') THEN 'documents_accepted'
    WHEN (SELECT max(c.issued_at) FROM credentials AS c WHERE c.person_id = p.id)
      >= coalesce((SELECT max(s.sent_at) FROM training_sends AS s WHERE s.person_id = p.id), '') THEN 'active'
    WHEN (SELECT max(a.graded_at) FROM quiz_attempts AS a WHERE a.person_id = p.id AND a.passed = 1 AND a.voided_at IS NULL)
      >= coalesce((SELECT max(s.sent_at) FROM training_sends AS s WHERE s.person_id = p.id), '')
      AND (SELECT count(*) FROM training_sends AS s JOIN training_send_quizzes AS sq ON sq.send_id = s.id
        WHERE s.id = (SELECT s2.id FROM training_sends AS s2 WHERE s2.person_id = p.id ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM quiz_attempts AS a WHERE a.person_id = p.id AND a.quiz_id = sq.quiz_id AND a.passed = 1 AND a.voided_at IS NULL AND a.graded_at >= s.sent_at)) = 0
      THEN 'quiz_passed'
    WHEN EXISTS (SELECT 1 FROM training_sends AS s WHERE s.person_id = p.id) THEN 'training_sent'
    WHEN (SELECT count(*) FROM documents AS d WHERE d.person_id = p.id AND d.status = 'accepted') = 2 THEN 'documents_accepted'
    WHEN EXISTS (SELECT 1 FROM documents AS d WHERE d.person_id = p.id AND d.status = 'in_review') THEN 'documents_in_review'
    WHEN EXISTS (SELECT 1 FROM documents AS d WHERE d.person_id = p.id AND d.status = 'rejected') THEN 'documents_rejected'
    ELSE 'awaiting_documents'
  END) AS stage,
  (SELECT count(*) FROM documents AS d WHERE d.person_id = p.id AND d.status <> 'replaced') AS current_forms
FROM people AS p;

DROP TRIGGER quiz_attempts_stage_insert;
DROP TRIGGER quiz_attempts_stage_update;
DROP TRIGGER quiz_attempts_stage_delete;
CREATE TRIGGER quiz_attempts_stage_insert AFTER INSERT ON quiz_attempts WHEN ${counts('new')} BEGIN
  ${refresh('new.person_id')}
END;
CREATE TRIGGER quiz_attempts_stage_update AFTER UPDATE OF person_id, quiz_id, passed, graded_at, voided_at ON quiz_attempts WHEN ${counts('new')} OR ${counts('old')} BEGIN
  ${refresh('new.person_id, old.person_id')}
END;
CREATE TRIGGER quiz_attempts_stage_delete AFTER DELETE ON quiz_attempts WHEN ${counts('old')} BEGIN
  ${refresh('old.person_id')}
END;
CREATE TRIGGER quiz_attempts_unrecertify_void AFTER UPDATE OF voided_at ON quiz_attempts
  WHEN old.voided_at IS NULL AND new.voided_at IS NOT NULL AND new.passed = 1 BEGIN
  DELETE FROM certifications WHERE attempt_id = new.id AND kind = 'recertification';
END;
`,
};
