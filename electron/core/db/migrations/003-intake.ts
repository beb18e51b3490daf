import type { Migration } from '../migration';

/**
 * Intake: requests on people's records, import batches with a hash per imported row (so the same
 * registrations are never imported twice), saved column mappings, access-level synonyms, and
 * pairs the office said are not duplicates.
 */
export const migration003: Migration = {
  version: 3,
  name: 'intake',
  sql: `
CREATE TABLE person_requests (
  id                       INTEGER PRIMARY KEY,
  person_id                INTEGER NOT NULL REFERENCES people (id),
  type                     TEXT NOT NULL
                           CHECK (type IN ('new_user', 'change_access', 'additional_agency', 'deactivation')),
  status                   TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'completed', 'cancelled')),
  access_level_id          INTEGER REFERENCES access_levels (id),
  previous_access_level_id INTEGER REFERENCES access_levels (id),
  agency_id                INTEGER REFERENCES agencies (id),
  note                     TEXT,
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL,
  closed_at                TEXT,
  CHECK ((status IN ('completed', 'cancelled')) = (closed_at IS NOT NULL))
) STRICT;
CREATE INDEX person_requests_by_person ON person_requests (person_id, id);
CREATE INDEX person_requests_by_status ON person_requests (status, type, id);

-- Every registration is a request: a trigger, so people.create, imports and sample data all get
-- it in the same transaction without each caller having to remember.
CREATE TRIGGER people_registration_request AFTER INSERT ON people BEGIN
  INSERT INTO person_requests (person_id, type, status, access_level_id, agency_id, created_at, updated_at)
  VALUES (new.id, new.request_type, 'open', new.access_level_id, new.agency_id, new.created_at, new.created_at);
END;
INSERT INTO person_requests (person_id, type, status, access_level_id, agency_id, created_at, updated_at)
SELECT id, request_type, 'open', access_level_id, agency_id, created_at, created_at FROM people ORDER BY id;

CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
  mapping     TEXT NOT NULL CHECK (json_valid(mapping)),
  counts      TEXT NOT NULL CHECK (json_valid(counts)),
  operator    TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX import_batches_by_sha ON import_batches (file_sha256, id);

CREATE TABLE import_rows (
  batch_id   INTEGER NOT NULL REFERENCES import_batches (id),
  row_number INTEGER NOT NULL CHECK (row_number >= 2),
  row_hash   TEXT NOT NULL CHECK (length(row_hash) = 64),
  person_id  INTEGER NOT NULL REFERENCES people (id),
  outcome    TEXT NOT NULL CHECK (outcome IN ('imported', 'updated')),
  PRIMARY KEY (batch_id, row_number)
) STRICT;
CREATE INDEX import_rows_by_hash ON import_rows (row_hash);
CREATE INDEX import_rows_by_person ON import_rows (person_id);

CREATE TABLE import_mappings (
  name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  columns    TEXT NOT NULL CHECK (json_valid(columns)),
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX import_mappings_name_unique ON import_mappings (name COLLATE NOCASE);

CREATE TABLE access_level_synonyms (
  synonym         TEXT NOT NULL CHECK (length(trim(synonym)) BETWEEN 1 AND 120),
  access_level_id INTEGER NOT NULL REFERENCES access_levels (id),
  created_at      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX access_level_synonyms_unique ON access_level_synonyms (synonym COLLATE NOCASE);

CREATE TABLE not_duplicates (
  person_a   INTEGER NOT NULL REFERENCES people (id),
  person_b   INTEGER NOT NULL REFERENCES people (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
) STRICT;
CREATE INDEX not_duplicates_by_b ON not_duplicates (person_b);
`,
};
