import { AppError } from '../../../shared/app-error';
import type { Agency } from '../../../shared/domain/agency';
import type { ParsedInput } from '../../../shared/contract';
import { insertAudit } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { findAgencyByName, getAgency, insertAgency, listAgencies } from './agencies.repo';

export function createAgenciesService(ctx: CoreContext) {
  return {
    list: (): Promise<Agency[]> => listAgencies(ctx.db),

    async create(input: ParsedInput<'agencies.create'>): Promise<Agency> {
      const existing = await findAgencyByName(ctx.db, input.name);
      if (existing) {
        throw new AppError('duplicate', `An agency named "${existing.name}" is already on the list.`, [
          { field: 'name', message: 'This agency is already on the list.' },
        ]);
      }
      const now = ctx.clock.now().toISOString();
      const row = {
        name: input.name,
        address: input.address ?? null,
        phone: input.phone ?? null,
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
      };
      const id = await ctx.db.transaction().execute(async (trx) => {
        const newId = await insertAgency(trx, row, now);
        await insertAudit(trx, { at: now, operator: ctx.operator, action: 'agency.created', entity: 'agency', entityId: newId, after: row });
        return newId;
      });
      ctx.emit('changed', { entities: ['agencies'] });
      const created = await getAgency(ctx.db, id);
      if (!created) throw new AppError('internal', 'The agency was saved but could not be read back.');
      return created;
    },
  };
}
