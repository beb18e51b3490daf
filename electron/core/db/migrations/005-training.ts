import type { Migration } from '../migration';

/**
 * Training, quizzes and credentials: the training catalog (materials by training set, the quiz
 * each level uses per kind), the quiz bank with numbered versions, each training email sent (and
 * the quizzes it asked for), graded attempts, and credentials issued. Temporary passwords have no
 * column anywhere: they are never stored.
 */
export const migration005: Migration = {
  version: 5,
  name: 'training',
  sql: `
CREATE TABLE training_materials (
  id           INTEGER PRIMARY KEY,
  training_set TEXT NOT NULL CHECK (length(trim(training_set)) BETWEEN 1 AND 60),
  title        TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  kind         TEXT NOT NULL CHECK (kind IN ('document', 'video')),
  url          TEXT CHECK (url IS NULL OR url LIKE 'http%'),
  file_sha256  TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
  file_name    TEXT,
  content_type TEXT,
  minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1000),
  sort_order   INTEGER NOT NULL,
  retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (url IS NOT NULL OR file_sha256 IS NOT NULL),
  CHECK ((file_sha256 IS NULL) = (file_name IS NULL))
) STRICT;
CREATE INDEX training_materials_by_set ON training_materials (training_set COLLATE NOCASE, sort_order);

CREATE TABLE quizzes (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 160),
  kind       TEXT NOT NULL CHECK (kind IN ('new_user', 'recertification', 'assessment')),
  url        TEXT CHECK (url IS NULL OR url LIKE 'http%'),
  directions TEXT NOT NULL,
  archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- What grading depends on. A version with attempts is never changed: an edit makes the next one.
CREATE TABLE quiz_versions (
  id         INTEGER PRIMARY KEY,
  quiz_id    INTEGER NOT NULL REFERENCES quizzes (id),
  version    INTEGER NOT NULL CHECK (version >= 1),
  pass_mark  INTEGER NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
  questions  TEXT NOT NULL CHECK (json_valid(questions) AND json_type(questions) = 'array'),
  max_score  INTEGER NOT NULL CHECK (max_score >= 1),
  created_at TEXT NOT NULL,
  UNIQUE (quiz_id, version)
) STRICT;

CREATE TABLE level_quizzes (
  access_level_id INTEGER NOT NULL REFERENCES access_levels (id),
  kind            TEXT NOT NULL CHECK (kind IN ('new_user', 'recertification', 'assessment')),
  quiz_id         INTEGER NOT NULL REFERENCES quizzes (id),
  PRIMARY KEY (access_level_id, kind)
) STRICT;
CREATE INDEX level_quizzes_by_quiz ON level_quizzes (quiz_id);

CREATE TABLE training_sends (
  id                       INTEGER PRIMARY KEY,
  person_id                INTEGER NOT NULL REFERENCES people (id),
  access_level_id          INTEGER NOT NULL REFERENCES access_levels (id),
  previous_access_level_id INTEGER REFERENCES access_levels (id),
  material_titles          TEXT NOT NULL CHECK (json_valid(material_titles)),
  mail_id                  INTEGER,
  sent_at                  TEXT NOT NULL
) STRICT;
CREATE INDEX training_sends_by_person ON training_sends (person_id, sent_at, id);

-- The quizzes a training email asked for: all passed after it = "quiz passed".
CREATE TABLE training_send_quizzes (
  send_id INTEGER NOT NULL REFERENCES training_sends (id),
  quiz_id INTEGER NOT NULL REFERENCES quizzes (id),
  PRIMARY KEY (send_id, quiz_id)
) STRICT;

CREATE TABLE quiz_attempts (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES people (id),
  quiz_id         INTEGER NOT NULL REFERENCES quizzes (id),
  quiz_version_id INTEGER NOT NULL REFERENCES quiz_versions (id),
  taken_on        TEXT NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source          TEXT NOT NULL CHECK (source IN ('hand', 'google_forms', 'microsoft_forms')),
  answers         TEXT NOT NULL CHECK (json_valid(answers)),
  marks           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(marks)),
  score           INTEGER NOT NULL CHECK (score >= 0),
  max_score       INTEGER NOT NULL CHECK (max_score >= 1 AND score <= max_score),
  percent         INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  passed          INTEGER CHECK (passed IN (0, 1)),
  -- Same response imported twice is recognised by this hash and not graded again.
  response_key    TEXT CHECK (response_key IS NULL OR length(response_key) = 64),
  results_sent_at TEXT,
  graded_at       TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX quiz_attempts_by_person ON quiz_attempts (person_id, quiz_id, graded_at);
CREATE INDEX quiz_attempts_by_quiz ON quiz_attempts (quiz_id, person_id, id);
CREATE INDEX quiz_attempts_by_version ON quiz_attempts (quiz_version_id);
CREATE UNIQUE INDEX quiz_attempts_response_key ON quiz_attempts (response_key) WHERE response_key IS NOT NULL;

CREATE TABLE credentials (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES people (id),
  username     TEXT NOT NULL CHECK (length(trim(username)) BETWEEN 1 AND 80),
  certified_on TEXT NOT NULL CHECK (certified_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  attempt_id   INTEGER REFERENCES quiz_attempts (id),
  new_password INTEGER NOT NULL CHECK (new_password IN (0, 1)),
  mail_id      INTEGER,
  note         TEXT,
  issued_at    TEXT NOT NULL
) STRICT;
CREATE INDEX credentials_by_person ON credentials (person_id, issued_at);
`,
};
