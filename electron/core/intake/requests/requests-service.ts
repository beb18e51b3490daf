import { AppError } from '../../../../shared/app-error';
import type { ParsedInput } from '../../../../shared/contract';
import { REQUEST_TYPE_LABELS } from '../../../../shared/domain/person';
import type { PersonRequest, RequestStatus } from '../../../../shared/domain/request';
import { listAccessLevels } from '../../access-levels/access-levels.repo';
import { getAgency } from '../../agencies/agencies.repo';
import { insertAudit } from '../../audit/audit.repo';
import type { CoreContext } from '../../context';
import type { Db } from '../../db/open-database';
import { getPerson } from '../../people/people.repo';
import { mustGetPerson, personRow, savePersonChanges } from '../../people/person-writes';
import { requestAuditFields } from './request-audit';
import { currentRequestType, getRequest, insertRequests, insertRequestUnlessActive, listRequests, setRequestState, type NewRequest } from './requests.repo';

const CLOSED: readonly RequestStatus[] = ['completed', 'cancelled'];

export function createRequestsService(ctx: CoreContext) {
  const by = () => ({ at: ctx.clock.now().toISOString(), operator: ctx.operator });

  async function mustGet(id: number): Promise<PersonRequest> {
    const request = await getRequest(ctx.db, id);
    if (!request) throw new AppError('not_found', `There is no request number ${id}.`);
    return request;
  }

  async function checkReferences(input: ParsedInput<'requests.create'>): Promise<void> {
    if (input.accessLevelId !== undefined && !(await listAccessLevels(ctx.db)).some((l) => l.id === input.accessLevelId)) {
      throw new AppError('invalid', 'Choose an access level from the list.', [{ field: 'accessLevelId', message: 'This access level is not on the list.' }]);
    }
    if (input.agencyId !== undefined && !(await getAgency(ctx.db, input.agencyId))) {
      throw new AppError('invalid', 'Choose an agency from the list.', [{ field: 'agencyId', message: 'This agency is not on the list.' }]);
    }
  }

  return {
    list: (input: ParsedInput<'requests.list'>) => listRequests(ctx.db, input, input.offset, input.limit),

    /**
     * Opens a request and makes the person's record say so: a change of access moves them to the
     * new level (the request keeps the old one), and the request type drives their stage.
     */
    async create(input: ParsedInput<'requests.create'>): Promise<PersonRequest> {
      const person = await mustGetPerson(ctx.db, input.personId, ctx.clock.today());
      await checkReferences(input);
      if (input.type === 'change_access' && input.accessLevelId === person.accessLevelId) {
        throw new AppError('invalid', `${person.firstName} ${person.lastName} already has the level ${person.accessLevelName}.`, [{ field: 'accessLevelId', message: 'Choose a different level.' }]);
      }
      const openDeactivation = () => new AppError('duplicate', `${person.firstName} ${person.lastName} already has an open deactivation request. Open it from their record instead of asking again.`);
      if (input.type === 'deactivation' && (await listRequests(ctx.db, { personId: person.id, type: input.type, status: 'active' }, 0, 1)).total > 0) throw openDeactivation();
      const before = personRow(person);
      const after = { ...before, requestType: input.type, ...(input.type === 'change_access' ? { accessLevelId: input.accessLevelId ?? before.accessLevelId } : {}) };
      const request = {
        personId: person.id,
        type: input.type,
        accessLevelId: input.accessLevelId ?? person.accessLevelId,
        previousAccessLevelId: input.type === 'change_access' ? person.accessLevelId : null,
        agencyId: input.agencyId ?? person.agencyId,
        note: input.note ?? null,
      };
      const stamp = by();
      const id = await ctx.db.transaction().execute(async (trx) => {
        const newId = await openRequest(trx, request, stamp.at);
        // The check above was only a fast answer: this one, in the insert itself, is what holds.
        if (newId === undefined) throw openDeactivation();
        await insertAudit(trx, { ...stamp, action: 'request.opened', entity: 'person', entityId: person.id, after: requestAuditFields(newId, request), note: request.note ?? REQUEST_TYPE_LABELS[input.type] });
        await savePersonChanges(trx, person, before, after, stamp);
        return newId;
      });
      ctx.emit('changed', { entities: ['people'] });
      return mustGet(id);
    },

    /** A cancelled change of access puts the person back on the level they had, if still on the new one. */
    async update(input: ParsedInput<'requests.update'>): Promise<PersonRequest> {
      const current = await mustGet(input.id);
      const status = input.status ?? current.status;
      const note = input.note === undefined ? current.note : input.note;
      if (CLOSED.includes(current.status) && status !== current.status) {
        throw new AppError('conflict', `This request is already ${current.status}. Open a new request instead.`);
      }
      if (status === current.status && note === current.note) return current;
      const stamp = by();
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await setRequestState(trx, current.id, { status, note }, current.updatedAt, stamp.at))) {
          throw new AppError('conflict', `Someone else changed this ${REQUEST_TYPE_LABELS[current.type].toLowerCase()} request for ${current.personName} while you were working on it. Reload to see their change, then make yours again.`);
        }
        await insertAudit(trx, {
          ...stamp, action: 'request.updated', entity: 'person', entityId: current.personId,
          before: { requestId: current.id, status: current.status, note: current.note }, after: { requestId: current.id, status, note },
          note: REQUEST_TYPE_LABELS[current.type],
        });
        if (status === 'cancelled') await undoOnPerson(trx, current, stamp);
      });
      ctx.emit('changed', { entities: ['people'] });
      return mustGet(current.id);
    },
  };

  async function undoOnPerson(trx: typeof ctx.db, request: PersonRequest, stamp: ReturnType<typeof by>): Promise<void> {
    const person = await getPerson(trx, request.personId, ctx.clock.today());
    if (!person) return;
    const before = personRow(person);
    const after = { ...before, requestType: (await currentRequestType(trx, person.id)) ?? before.requestType };
    if (request.type === 'change_access' && request.previousAccessLevelId !== null && person.accessLevelId === request.accessLevelId) {
      after.accessLevelId = request.previousAccessLevelId;
    }
    await savePersonChanges(trx, person, before, after, { ...stamp, note: `${REQUEST_TYPE_LABELS[request.type]} request cancelled` });
  }
}

/** A deactivation opens only while none is active, decided in the insert itself; the other types may repeat. */
export async function openRequest(trx: Db, request: NewRequest, at: string): Promise<number | undefined> {
  if (request.type === 'deactivation') return insertRequestUnlessActive(trx, request, at);
  const [id] = await insertRequests(trx, [request], at);
  return id;
}

export type RequestsService = ReturnType<typeof createRequestsService>;
