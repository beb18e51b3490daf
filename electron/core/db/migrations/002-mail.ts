import type { Migration } from '../migration';

/**
 * The mail outbox and the editable templates. A message is written here in the same transaction
 * as the action that caused it, then a sender delivers it; the row keeps every attempt's outcome.
 */
export const migration002: Migration = {
  version: 2,
  name: 'mail',
  sql: `
CREATE TABLE mail_outbox (
  id                INTEGER PRIMARY KEY,
  message_id        TEXT NOT NULL UNIQUE CHECK (message_id GLOB '<*@*>'),
  person_id         INTEGER REFERENCES people (id),
  template          TEXT NOT NULL,
  to_addrs          TEXT NOT NULL CHECK (json_valid(to_addrs) AND json_array_length(to_addrs) >= 1),
  cc_addrs          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(cc_addrs)),
  subject           TEXT NOT NULL,
  text_body         TEXT NOT NULL,
  html_body         TEXT NOT NULL,
  attachments       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments)),
  status            TEXT NOT NULL
                    CHECK (status IN ('queued', 'sending', 'sent', 'drafted', 'failed', 'cancelled')),
  attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at   TEXT,
  claimed_at        TEXT,
  last_error        TEXT,
  recipient_results TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipient_results)),
  draft_path        TEXT,
  sent_at           TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (status <> 'queued' OR next_attempt_at IS NOT NULL),
  CHECK (status <> 'sending' OR claimed_at IS NOT NULL),
  CHECK (status <> 'drafted' OR draft_path IS NOT NULL)
) STRICT;
-- The sender's question "what is due?" reads only queued and sending rows.
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at, id);
CREATE INDEX mail_outbox_by_person ON mail_outbox (person_id, id);

CREATE TABLE mail_templates (
  key        TEXT PRIMARY KEY,
  subject    TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  text_body  TEXT NOT NULL,
  html_body  TEXT NOT NULL,
  customized INTEGER NOT NULL CHECK (customized IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;
`,
};
