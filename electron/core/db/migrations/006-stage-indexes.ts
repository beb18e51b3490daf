import type { Migration } from '../migration';

/**
 * Indexes for filtering and counting by stage over 100k people (people/stage.repo.ts), so each
 * fact a stage depends on is a set read straight from an index, never from the wide rows:
 * - passing attempts by person and quiz: who has passed, when, and what is still outstanding
 *   (a partial index: failed and unmarked attempts never decide a stage);
 * - documents by status and person: who has a form in review, rejected, or both accepted;
 * - people by request type: everyone not on their way out, counted from the index alone.
 */
export const migration006: Migration = {
  version: 6,
  name: 'stage-indexes',
  sql: `
CREATE INDEX quiz_attempts_passed ON quiz_attempts (person_id, quiz_id, graded_at) WHERE passed = 1;
CREATE INDEX documents_by_status_person ON documents (status, person_id);
CREATE INDEX people_by_request_type ON people (request_type);
`,
};
