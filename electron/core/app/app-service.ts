import type { Output } from '../../../shared/contract';
import { countAgencies } from '../agencies/agencies.repo';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { countPeople } from '../people/people.repo';
import { getSetting, putSetting } from '../settings/settings.repo';
import { APP_VERSION } from '../version';

const WELCOME_DISMISSED = 'welcome.dismissed';

export function createAppService(ctx: CoreContext) {
  return {
    async info(): Promise<Output<'app.info'>> {
      const [people, agencies, dismissed] = await Promise.all([countPeople(ctx.db), countAgencies(ctx.db), getSetting(ctx.db, WELCOME_DISMISSED)]);
      return {
        version: APP_VERSION,
        dataDir: ctx.dataDir,
        operator: ctx.operator,
        today: ctx.clock.today(),
        counts: { people, agencies },
        showWelcome: people === 0 && dismissed !== 'true',
      };
    },

    async dismissWelcome(): Promise<Record<string, never>> {
      const now = ctx.clock.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await putSetting(trx, WELCOME_DISMISSED, 'true');
        await insertAudit(trx, { at: now, operator: ctx.operator, action: 'setting.changed', entity: 'setting', entityId: null, after: { [WELCOME_DISMISSED]: true } });
      });
      ctx.emit('changed', { entities: ['settings'] });
      return {};
    },
  };
}
