import { sql, type RawBuilder } from 'kysely';
import type { Stage } from '../../../shared/workflow';

/**
 * The SQL twin of `shared/workflow.ts` deriveStage(), so the list can filter and queues can count
 * by stage over 100k people without loading them. `stage-sql.test.ts` requires both to agree.
 */
export function stageSql(): RawBuilder<Stage> {
  return sql<Stage>`(CASE
    WHEN p.request_type = 'deactivation' THEN 'deactivation_requested'
    ELSE 'awaiting_documents'
  END)`;
}
