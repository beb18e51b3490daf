import type { Migration } from '../migration';

/**
 * Indexes for the reports (issue 11), so each report's numbers at 100,000 people are read from
 * indexes rather than the wide rows (electron/core/reports/*.repo.ts):
 * - people by agency and stage (with level and registration date): the status report's counts by
 *   stage and agency, filters included, from the index alone;
 * - people by stage, agency and due date: the compliance report's per-agency buckets over the
 *   active, from the index alone;
 * - the audit log by time (and operator): the activity report's date range in order, newest first,
 *   stopping at the row limit, and its per-operator counts without reading the entries.
 * - requests by person and type (with when): since when each person waiting for deactivation has
 *   waited, one probe of the index a person;
 * Documents by status and time (migrations 004 and 007) already serve the pending documents report.
 */
export const migration011: Migration = {
  version: 11,
  name: 'report-indexes',
  sql: `
CREATE INDEX people_by_agency_stage ON people (agency_id, stage, access_level_id, registered_on);
CREATE INDEX people_by_stage_agency_due ON people (stage, agency_id, recert_due_on, access_level_id);
CREATE INDEX audit_by_at ON audit (at, operator);
CREATE INDEX person_requests_by_person_type ON person_requests (person_id, type, created_at);
`,
};
