import type { Migration } from '../migration';

/**
 * Documents straight from email (issue 14).
 * - `document_messages`: each email message a document came in, stored once by the SHA-256 of
 *   the original file (kept in the file store like the PDFs), with its sender, recipients, date
 *   and subject as evidence for review.
 * - `documents.message_id`: the message a document came in; NULL for a PDF dropped alone.
 * - `documents_to_sort`: files from the watched folder that matched no one with certainty, until
 *   staff choose the person (their bytes are in the file store; one row per file).
 */
export const migration012: Migration = {
  version: 12,
  name: 'mail-documents',
  sql: `
CREATE TABLE document_messages (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_sha256 TEXT NOT NULL UNIQUE CHECK (length(file_sha256) = 64),
  file_size INTEGER NOT NULL CHECK (file_size > 0),
  format TEXT NOT NULL CHECK (format IN ('eml', 'msg')),
  from_address TEXT,
  from_name TEXT,
  to_addrs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(to_addrs)),
  sent_at TEXT,
  subject TEXT,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL
) STRICT;

ALTER TABLE documents ADD COLUMN message_id INTEGER REFERENCES document_messages(id);
CREATE INDEX documents_by_message ON documents (message_id) WHERE message_id IS NOT NULL;

CREATE TABLE documents_to_sort (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_sha256 TEXT NOT NULL UNIQUE CHECK (length(file_sha256) = 64),
  file_size INTEGER NOT NULL CHECK (file_size > 0),
  message_id INTEGER REFERENCES document_messages(id),
  recognition TEXT NOT NULL CHECK (json_valid(recognition)),
  source TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL
) STRICT;
`,
};
