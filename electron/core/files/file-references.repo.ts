import { sql } from 'kysely';
import type { Db } from '../db/open-database';

/** One row that names a stored file, as `check` reports it ("document 12 (form.pdf)"). */
export interface FileReference {
  sha256: string;
  owner: string;
}

/**
 * Every row that names a file in the store: documents, training materials with a file, and mail
 * attachments. A feature that stores files adds its table here (and to `STORED_FILE_HASHES_SQL`).
 */
export async function fileReferences(db: Db): Promise<FileReference[]> {
  const rows = await sql<{ sha256: string | null; owner: string }>`
    SELECT file_sha256 AS sha256, 'document ' || id || ' (' || file_name || ')' AS owner FROM documents
    UNION ALL SELECT file_sha256, 'training material ' || id || ' (' || file_name || ')' FROM training_materials WHERE file_sha256 IS NOT NULL
    UNION ALL SELECT file_sha256, 'email message ' || id || ' (' || file_name || ')' FROM document_messages
    UNION ALL SELECT file_sha256, 'file to sort ' || id || ' (' || file_name || ')' FROM documents_to_sort
    UNION ALL SELECT json_extract(a.value, '$.sha256'), 'message ' || o.id || ' attachment (' || json_extract(a.value, '$.fileName') || ')'
      FROM mail_outbox o, json_each(o.attachments) a`.execute(db);
  return rows.rows.flatMap((r) => (r.sha256 ? [{ sha256: r.sha256, owner: r.owner }] : []));
}
