import { AppError } from '../../../shared/app-error';
import { DEFAULT_RECERT_POLICY, recertPolicy, type RecertPolicy } from '../../../shared/domain/recert-policy';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import type { Db } from '../db/open-database';
import { nextStamp } from '../db/stamps';
import { getSetting, replaceSetting } from '../settings/settings.repo';
import { writePolicyRow } from './recert.repo';

export const POLICY_KEY = 'recert.policy';

export interface PolicyVersion {
  policy: RecertPolicy;
  updatedAt: string | null;
  /** The stored text, for the compare-and-replace of the next save. */
  raw: string | null;
}

export async function readPolicy(db: Db): Promise<PolicyVersion> {
  const raw = await getSetting(db, POLICY_KEY);
  if (raw === null) return { policy: DEFAULT_RECERT_POLICY, updatedAt: null, raw };
  const stored = JSON.parse(raw) as { policy: unknown; updatedAt: string };
  const parsed = recertPolicy.safeParse(stored.policy);
  // A policy a later version wrote in a shape this one does not know is not guessed at.
  if (!parsed.success) throw new AppError('internal', 'The recertification policy in this data cannot be read by this version. Install the newer version or save the policy again in Settings.');
  return { policy: parsed.data, updatedAt: stored.updatedAt, raw };
}

const changedMeanwhile = () => new AppError('conflict', 'Someone else changed the recertification policy while you were editing it. Reload to see their change, then make yours again.');

/**
 * Settings → Recertification. The setting and the policy row the SQL reads are written in one
 * transaction, and the row's trigger (migration 008) moves every stored due date with them.
 */
export function createPolicyService(ctx: CoreContext) {
  async function get() {
    const { policy, updatedAt } = await readPolicy(ctx.db);
    return { policy, updatedAt };
  }

  async function save(input: { policy: RecertPolicy; expectedUpdatedAt?: string | null }) {
    const current = await readPolicy(ctx.db);
    if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== current.updatedAt) throw changedMeanwhile();
    const now = ctx.clock.now().toISOString();
    const updatedAt = nextStamp(now, current.updatedAt ?? '');
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await replaceSetting(trx, POLICY_KEY, current.raw, JSON.stringify({ policy: input.policy, updatedAt })))) throw changedMeanwhile();
      await writePolicyRow(trx, input.policy);
      await insertAudit(trx, { at: now, operator: ctx.operator, action: 'recert.policy_saved', entity: 'setting', entityId: null, before: current.policy, after: input.policy });
    });
    ctx.emit('changed', { entities: ['settings', 'people'] });
    return get();
  }

  return { get, save };
}
