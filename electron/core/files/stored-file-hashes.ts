/**
 * Every hash a row names in the file store, as one SQL query both engines' callers run (the
 * startup sweep, backups, the crash checks). A table that starts naming files by hash is added
 * here once, or the sweep and `check --repair` would take its files for orphans and delete them;
 * `fileReferences` (file-references.repo.ts) names the same tables with their owners for `check`.
 */
export const STORED_FILE_HASHES_SQL = `SELECT file_sha256 AS sha256 FROM documents
  UNION SELECT file_sha256 FROM training_materials WHERE file_sha256 IS NOT NULL
  UNION SELECT file_sha256 FROM document_messages
  UNION SELECT file_sha256 FROM documents_to_sort
  UNION SELECT json_extract(a.value, '$.sha256') FROM mail_outbox, json_each(mail_outbox.attachments) a`;
