import type { Migration } from '../migration';

/**
 * Recertification (issue 10): certifications, the policy's date parameters, reminders sent,
 * deactivations, and each person's stored due date.
 *
 * - `certifications`: the first on issuing credentials (trigger on `credentials`), then one per
 *   passing recertification attempt (trigger on `quiz_attempts`, whoever grades it: by hand, an
 *   import, a later mark). Each stores its anchor (shared/recert.ts nextAnchor, in SQL below).
 * - `recert_policy`: the one row of the policy the SQL needs (the full policy is the JSON setting
 *   `recert.policy`, written in the same transaction). `certification_due` is shared/recert.ts
 *   dueDate() as SQL over it; `people.recert_due_on` is the due date of the person's latest
 *   certification, kept by triggers, and recomputed for everyone by one UPDATE when the policy
 *   changes. The stage compares it with today at query time (people/stage.repo.ts).
 * - `recert_reminders`: (person, due date, offset) is UNIQUE, inserted in the same transaction as
 *   the outbox row, so a repeated, killed or overlapping run can never queue a reminder twice.
 * - `deactivations`: confirmed deactivations; an open one (not reactivated) makes the stage
 *   `deactivated`; a reactivation restarts the person at training (the view below).
 * - The helpers below are part of this migration's text (its checksum): never edit them once landed.
 */

/** The last day of the month holding `first` (a first of a month), and `day` clamped to it. */
const clampedDay = (first: string, day: string) => `min(date(${first}, '+' || (${day} - 1) || ' days'), date(${first}, '+1 month', '-1 day'))`;
const deadlineIn = (year: string) => clampedDay(`printf('%04d-%02d-01', ${year}, rp.month)`, 'rp.day');
const fixedCandidate = (anchor: string, plus: number) => `${deadlineIn(`CAST(substr(${anchor}, 1, 4) AS INTEGER) + ${plus}`)}`;
const opensAfter = (deadline: string, anchor: string) => `date(${deadline}, '-' || rp.window_days || ' days') > ${anchor}`;

/** dueDate(anchor, policy) of shared/recert.ts; `rp` is the recert_policy row. */
export const dueSql = (anchor: string) => `(CASE rp.cycle_kind
    WHEN 'anniversary' THEN ${clampedDay(`date(${anchor}, 'start of month', '+' || rp.months || ' months')`, `CAST(substr(${anchor}, 9, 2) AS INTEGER)`)}
    ELSE (CASE
      WHEN ${opensAfter(fixedCandidate(anchor, 0), anchor)} THEN ${fixedCandidate(anchor, 0)}
      WHEN ${opensAfter(fixedCandidate(anchor, 1), anchor)} THEN ${fixedCandidate(anchor, 1)}
      WHEN ${opensAfter(fixedCandidate(anchor, 2), anchor)} THEN ${fixedCandidate(anchor, 2)}
      ELSE ${fixedCandidate(anchor, 3)} END) END)`;

const refreshDue = (person: string) => `UPDATE people SET recert_due_on = (
    SELECT d.due_on FROM certification_due AS d WHERE d.person_id = people.id ORDER BY d.certified_on DESC, d.id DESC LIMIT 1)
  WHERE people.id = ${person};`;

/** nextAnchor(passedOn, currentDueOn, policy): an early pass inside the window keeps the anniversary. */
const anchorSql = (passed: string, person: string) => `(SELECT CASE
    WHEN p.recert_due_on IS NOT NULL AND ${passed} <= p.recert_due_on AND date(p.recert_due_on, '-' || rp.window_days || ' days') <= ${passed}
    THEN p.recert_due_on ELSE ${passed} END
  FROM people AS p, recert_policy AS rp WHERE p.id = ${person})`;

const recordRecert = (row: string) => `INSERT OR IGNORE INTO certifications (person_id, kind, certified_on, anchor_on, hmis_user_name, attempt_id, credential_id, recorded_at, recorded_by)
    SELECT ${row}.person_id, 'recertification', ${row}.taken_on, ${anchorSql(`${row}.taken_on`, `${row}.person_id`)},
      (SELECT c.username FROM credentials AS c WHERE c.person_id = ${row}.person_id ORDER BY c.issued_at DESC, c.id DESC LIMIT 1),
      ${row}.id, NULL, ${row}.graded_at, 'recertification quiz'
    WHERE (SELECT q.kind FROM quizzes AS q WHERE q.id = ${row}.quiz_id) = 'recertification';`;

const STAGE_VIEW = `
CREATE VIEW person_stage_derived AS
SELECT p.id AS person_id,
  (CASE
    WHEN EXISTS (SELECT 1 FROM deactivations AS x WHERE x.person_id = p.id AND x.reactivated_at IS NULL) THEN 'deactivated'
    WHEN p.request_type = 'deactivation' THEN 'deactivation_requested'
    WHEN (SELECT max(x.reactivated_at) FROM deactivations AS x WHERE x.person_id = p.id)
      > coalesce((SELECT max(s.sent_at) FROM training_sends AS s WHERE s.person_id = p.id), '') THEN 'documents_accepted'
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
FROM people AS p;`;

const refreshStage = (personIds: string) => `UPDATE people SET stage = v.stage, current_forms = v.current_forms
    FROM person_stage_derived AS v
    WHERE v.person_id = people.id AND people.id IN (${personIds}) AND (people.stage <> v.stage OR people.current_forms <> v.current_forms);`;

export const migration008: Migration = {
  version: 8,
  name: 'recertification',
  sql: `
CREATE TABLE recert_policy (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  cycle_kind  TEXT NOT NULL CHECK (cycle_kind IN ('anniversary', 'fixed_deadline')),
  months      INTEGER NOT NULL CHECK (months BETWEEN 1 AND 36),
  month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  day         INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  -- windowDays(policy): the earliest reminder or the "due" window, whichever opens first.
  window_days INTEGER NOT NULL CHECK (window_days BETWEEN 0 AND 366),
  due_within_days INTEGER NOT NULL CHECK (due_within_days BETWEEN 0 AND window_days),
  grace_days  INTEGER NOT NULL CHECK (grace_days BETWEEN 0 AND 366)
) STRICT;
INSERT INTO recert_policy (id, cycle_kind, months, month, day, window_days, due_within_days, grace_days) VALUES (1, 'anniversary', 12, 6, 30, 60, 30, 30);

CREATE TABLE certifications (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES people (id),
  kind           TEXT NOT NULL CHECK (kind IN ('initial', 'recertification')),
  certified_on   TEXT NOT NULL CHECK (certified_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  anchor_on      TEXT NOT NULL CHECK (anchor_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  hmis_user_name TEXT,
  -- No foreign key: a recertification goes with its attempt (trigger below); an initial one outlives it.
  attempt_id     INTEGER,
  credential_id  INTEGER UNIQUE REFERENCES credentials (id),
  recorded_at    TEXT NOT NULL,
  recorded_by    TEXT NOT NULL
) STRICT;
CREATE INDEX certifications_by_person ON certifications (person_id, certified_on, id);
CREATE UNIQUE INDEX certifications_one_per_attempt ON certifications (attempt_id) WHERE kind = 'recertification';

CREATE VIEW certification_due AS
SELECT c.id, c.person_id, c.certified_on, c.anchor_on, ${dueSql('c.anchor_on')} AS due_on
FROM certifications AS c, recert_policy AS rp;

ALTER TABLE people ADD COLUMN recert_due_on TEXT;

CREATE TABLE recert_reminders (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people (id),
  due_on      TEXT NOT NULL,
  offset_days INTEGER NOT NULL,
  mail_id     INTEGER,
  queued_on   TEXT NOT NULL,
  queued_at   TEXT NOT NULL,
  UNIQUE (person_id, due_on, offset_days)
) STRICT;
CREATE INDEX recert_reminders_by_person ON recert_reminders (person_id, queued_on);

CREATE TABLE deactivations (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES people (id),
  reason         TEXT NOT NULL CHECK (reason IN ('lapsed', 'requested')),
  deactivated_on TEXT NOT NULL CHECK (deactivated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  confirmed_at   TEXT NOT NULL,
  confirmed_by   TEXT NOT NULL,
  note           TEXT,
  reactivated_at TEXT,
  reactivated_by TEXT
) STRICT;
CREATE INDEX deactivations_by_person ON deactivations (person_id, reactivated_at);
CREATE UNIQUE INDEX deactivations_one_open ON deactivations (person_id) WHERE reactivated_at IS NULL;

-- The first certification: issuing credentials for a pass not certified yet (a new password for
-- the same pass is not a new certification).
CREATE TRIGGER credentials_certify AFTER INSERT ON credentials
  WHEN NOT EXISTS (SELECT 1 FROM certifications AS c WHERE c.person_id = new.person_id AND c.kind = 'initial' AND c.attempt_id IS new.attempt_id) BEGIN
  INSERT INTO certifications (person_id, kind, certified_on, anchor_on, hmis_user_name, attempt_id, credential_id, recorded_at, recorded_by)
    VALUES (new.person_id, 'initial', new.certified_on, new.certified_on, new.username, new.attempt_id, new.id, new.issued_at, 'credentials issued');
END;
CREATE TRIGGER credentials_uncertify AFTER DELETE ON credentials BEGIN
  DELETE FROM certifications WHERE credential_id = old.id;
END;
CREATE TRIGGER quiz_attempts_recertify_insert AFTER INSERT ON quiz_attempts WHEN new.passed = 1 BEGIN
  ${recordRecert('new')}
END;
CREATE TRIGGER quiz_attempts_recertify_update AFTER UPDATE OF passed ON quiz_attempts WHEN new.passed = 1 AND old.passed IS NOT 1 BEGIN
  ${recordRecert('new')}
END;
CREATE TRIGGER quiz_attempts_unrecertify_update AFTER UPDATE OF passed ON quiz_attempts WHEN old.passed = 1 AND new.passed IS NOT 1 BEGIN
  DELETE FROM certifications WHERE attempt_id = old.id AND kind = 'recertification';
END;
CREATE TRIGGER quiz_attempts_unrecertify_delete AFTER DELETE ON quiz_attempts WHEN old.passed = 1 BEGIN
  DELETE FROM certifications WHERE attempt_id = old.id AND kind = 'recertification';
END;
CREATE TRIGGER certifications_due_insert AFTER INSERT ON certifications BEGIN
  ${refreshDue('new.person_id')}
END;
CREATE TRIGGER certifications_due_update AFTER UPDATE OF person_id, certified_on, anchor_on ON certifications BEGIN
  ${refreshDue('new.person_id')}
  ${refreshDue('old.person_id')}
END;
CREATE TRIGGER certifications_due_delete AFTER DELETE ON certifications BEGIN
  ${refreshDue('old.person_id')}
END;
CREATE TRIGGER recert_policy_due AFTER UPDATE OF cycle_kind, months, month, day, window_days ON recert_policy BEGIN
  UPDATE people SET recert_due_on = (
    SELECT d.due_on FROM certification_due AS d WHERE d.person_id = people.id ORDER BY d.certified_on DESC, d.id DESC LIMIT 1)
  WHERE recert_due_on IS NOT NULL;
END;

DROP VIEW person_stage_derived;
${STAGE_VIEW}
CREATE TRIGGER deactivations_stage_insert AFTER INSERT ON deactivations BEGIN
  ${refreshStage('new.person_id')}
END;
CREATE TRIGGER deactivations_stage_update AFTER UPDATE OF person_id, reactivated_at ON deactivations BEGIN
  ${refreshStage('new.person_id, old.person_id')}
END;
CREATE TRIGGER deactivations_stage_delete AFTER DELETE ON deactivations BEGIN
  ${refreshStage('old.person_id')}
END;

-- Everyone already issued credentials is certified on the date their credentials say.
INSERT INTO certifications (person_id, kind, certified_on, anchor_on, hmis_user_name, attempt_id, credential_id, recorded_at, recorded_by)
  SELECT c.person_id, 'initial', c.certified_on, c.certified_on, c.username, c.attempt_id, c.id, c.issued_at, 'migration 008'
  FROM credentials AS c
  WHERE c.id = (SELECT c2.id FROM credentials AS c2 WHERE c2.person_id = c.person_id AND c2.attempt_id IS c.attempt_id ORDER BY c2.issued_at, c2.id LIMIT 1);

-- The recertification queues are ranges of this: the stored stage, then the due date.
CREATE INDEX people_by_stage_due ON people (stage, recert_due_on, id);
-- The master list's "Due" sort and filter (never certified last).
CREATE INDEX people_by_due ON people (recert_due_on IS NULL, recert_due_on, id);
`,
};
