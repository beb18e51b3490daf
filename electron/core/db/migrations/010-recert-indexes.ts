import type { Migration } from '../migration';

/**
 * Indexes for the recertification queues at 100,000 people (issue 10, npm run bench):
 * - `people_by_stage_due_name`: a recertification stage is a range of the due date among active
 *   people, listed by name. With the name in the index, the page's ids are chosen from the index
 *   alone (people-list.repo.ts choosesIdsFirst), never from the rows.
 * - `person_requests_open_deactivation`: when each waiting deactivation request was opened, for
 *   the order of the deactivation tasks, read from the index instead of every request row.
 */
export const migration010: Migration = {
  version: 10,
  name: 'recert-indexes',
  sql: `
CREATE INDEX people_by_stage_due_name ON people (stage, recert_due_on, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id);
CREATE INDEX person_requests_open_deactivation ON person_requests (person_id, created_at) WHERE type = 'deactivation' AND status IN ('open', 'in_progress');
`,
};
