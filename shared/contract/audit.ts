import { z } from 'zod';
import { auditEntry, auditFilters, auditVerifyResult } from '../domain/audit';
import { exportOutput } from '../domain/request';
import { call } from './define';

const page = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500, 'Show at most 500 rows at a time.').default(100),
});

export const auditCalls = {
  /** Walks the audit chain from the first row and names the first row that does not hold. Writes nothing. */
  'audit.verify': call({ input: z.object({}).strict().default({}), output: auditVerifyResult }),
  /** The audit viewer: newest first, filtered by days, entity, action and operator. */
  'audit.list': call({
    input: z.object({ filters: auditFilters.default({}), ...page.shape }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(auditEntry) }),
  }),
  /** The actions and operators found in the audit, for the viewer's filter lists. */
  'audit.filterOptions': call({ input: z.object({}).strict().default({}), output: z.object({ actions: z.array(z.string()), operators: z.array(z.string()) }) }),
  /** The filtered rows as CSV (with each row's sentence), for a monitor or an auditor. */
  'audit.export': call({ input: z.object({ filters: auditFilters.default({}) }).strict(), output: exportOutput }),
};
