import type { Migration } from '../migration';

/**
 * Documents: the signed PDFs on people's records. The bytes live in the content-addressed file
 * store; a row names its file by SHA-256, so the same file can be attached only once. Rejected
 * documents are kept when a new upload replaces them (status `replaced`, with the link), so the
 * record shows the whole history.
 */
export const migration004: Migration = {
  version: 4,
  name: 'documents',
  sql: `
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES people (id),
  kind           TEXT NOT NULL CHECK (kind IN ('staff_verification', 'end_user_agreement')),
  status         TEXT NOT NULL CHECK (status IN ('in_review', 'accepted', 'rejected', 'replaced')),
  file_name      TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_sha256    TEXT NOT NULL CHECK (length(file_sha256) = 64),
  file_size      INTEGER NOT NULL CHECK (file_size > 0),
  page_count     INTEGER NOT NULL CHECK (page_count >= 1),
  findings       TEXT NOT NULL CHECK (json_valid(findings)),
  form_values    TEXT NOT NULL CHECK (json_valid(form_values)),
  uploaded_at    TEXT NOT NULL,
  uploaded_by    TEXT NOT NULL,
  reviewed_at    TEXT,
  reviewed_by    TEXT,
  reject_reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reject_reasons)),
  reject_note    TEXT,
  replaces_id    INTEGER REFERENCES documents (id),
  CHECK ((status = 'in_review') = (reviewed_at IS NULL)),
  CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL))
) STRICT;
-- The same bytes are one document: a second attach is refused, naming the first.
CREATE UNIQUE INDEX documents_by_sha ON documents (file_sha256);
-- One current form of each kind per person; earlier rejected ones are 'replaced'.
CREATE UNIQUE INDEX documents_current ON documents (person_id, kind) WHERE status <> 'replaced';
CREATE INDEX documents_by_person ON documents (person_id, status);
CREATE INDEX documents_by_status ON documents (status, uploaded_at);
`,
};
