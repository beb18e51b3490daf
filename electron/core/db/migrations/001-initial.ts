import type { Migration } from '../migration';

/** Agencies, access levels, people (with FTS5 search kept by triggers), audit and settings. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE agencies (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
  address       TEXT,
  phone         TEXT,
  contact_name  TEXT,
  contact_email TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX agencies_name_unique ON agencies (name COLLATE NOCASE);

CREATE TABLE access_levels (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
  includes_assessments INTEGER NOT NULL CHECK (includes_assessments IN (0, 1)),
  training_sets        TEXT NOT NULL CHECK (json_valid(training_sets)),
  sort_order           INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX access_levels_name_unique ON access_levels (name COLLATE NOCASE);

CREATE TABLE people (
  id               INTEGER PRIMARY KEY,
  first_name       TEXT NOT NULL CHECK (length(first_name) BETWEEN 1 AND 80),
  last_name        TEXT NOT NULL CHECK (length(last_name) BETWEEN 1 AND 80),
  email            TEXT NOT NULL CHECK (email LIKE '%_@_%._%'),
  phone            TEXT,
  agency_id        INTEGER NOT NULL REFERENCES agencies (id),
  supervisor_name  TEXT,
  supervisor_email TEXT,
  access_level_id  INTEGER NOT NULL REFERENCES access_levels (id),
  request_type     TEXT NOT NULL
                   CHECK (request_type IN ('new_user', 'change_access', 'additional_agency', 'deactivation')),
  registered_on    TEXT NOT NULL CHECK (registered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  notes            TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX people_email_unique ON people (email COLLATE NOCASE);
CREATE INDEX people_by_name ON people (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id);
CREATE INDEX people_by_agency ON people (agency_id);
CREATE INDEX people_by_level ON people (access_level_id);
CREATE INDEX people_by_registered ON people (registered_on, id);

-- Search-as-you-type. prefix='1 2 3' keeps the one- to three-letter prefixes typed first cheap.
CREATE VIRTUAL TABLE people_fts USING fts5 (
  first_name, last_name, email, agency_name,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_fts (rowid, first_name, last_name, email, agency_name)
  VALUES (new.id, new.first_name, new.last_name, new.email,
          (SELECT name FROM agencies WHERE id = new.agency_id));
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF first_name, last_name, email, agency_id ON people BEGIN
  DELETE FROM people_fts WHERE rowid = old.id;
  INSERT INTO people_fts (rowid, first_name, last_name, email, agency_name)
  VALUES (new.id, new.first_name, new.last_name, new.email,
          (SELECT name FROM agencies WHERE id = new.agency_id));
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
  DELETE FROM people_fts WHERE rowid = old.id;
END;
CREATE TRIGGER agencies_rename_fts AFTER UPDATE OF name ON agencies BEGIN
  UPDATE people_fts SET agency_name = new.name
  WHERE rowid IN (SELECT id FROM people WHERE agency_id = new.id);
END;

CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  operator  TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  before    TEXT CHECK (before IS NULL OR json_valid(before)),
  after     TEXT CHECK (after IS NULL OR json_valid(after)),
  note      TEXT
) STRICT;
CREATE INDEX audit_by_entity ON audit (entity, entity_id, id);
`,
};
