import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Person } from '../../../shared/domain/person';
import { getAgency } from '../agencies/agencies.repo';
import { listAccessLevels } from '../access-levels/access-levels.repo';
import { auditFor, insertAudit } from '../audit/audit.repo';
import { changedFields } from '../audit/changes';
import type { CoreContext } from '../context';
import { isUniqueViolation } from '../db/sqlite.repo';
import { listPeople } from './people-list.repo';
import { findPersonIdByEmail, getPerson, insertPerson, updatePerson, type PersonRow } from './people.repo';

type CreateInput = ParsedInput<'people.create'>;

function duplicateEmail(email: string): AppError {
  return new AppError('duplicate', `${email} is already registered. Open that person instead of adding them again.`, [
    { field: 'email', message: 'Someone with this email is already on the list.' },
  ]);
}

export function createPeopleService(ctx: CoreContext) {
  const today = () => ctx.clock.today();

  async function mustGet(id: number): Promise<Person> {
    const person = await getPerson(ctx.db, id, today());
    if (!person) throw new AppError('not_found', `No person with number ${id} is on the list. They may have been merged or the link is old.`);
    return person;
  }

  async function checkReferences(row: PersonRow): Promise<void> {
    if (!(await getAgency(ctx.db, row.agencyId))) {
      throw new AppError('invalid', 'Choose an agency from the list.', [{ field: 'agencyId', message: 'This agency is not on the list.' }]);
    }
    const levels = await listAccessLevels(ctx.db);
    if (!levels.some((level) => level.id === row.accessLevelId)) {
      throw new AppError('invalid', 'Choose an access level from the list.', [
        { field: 'accessLevelId', message: `Known levels: ${levels.map((l) => l.name).join(', ')}.` },
      ]);
    }
  }

  async function assertEmailFree(email: string, ownId?: number): Promise<void> {
    const holder = await findPersonIdByEmail(ctx.db, email);
    if (holder !== undefined && holder !== ownId) throw duplicateEmail(email);
  }

  /** Runs the write; a UNIQUE failure from a concurrent writer becomes the same duplicate message. */
  async function write<T>(email: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateEmail(email);
      throw error;
    }
  }

  return {
    get: (id: number) => mustGet(id),

    list: (input: ParsedInput<'people.list'>) => listPeople(ctx.db, input, today()),

    history: async (id: number): Promise<AuditEntry[]> => {
      await mustGet(id);
      return auditFor(ctx.db, 'person', id);
    },

    async create(input: CreateInput, note?: string): Promise<Person> {
      const row = toRow(input, today());
      await checkReferences(row);
      await assertEmailFree(row.email);
      const now = ctx.clock.now().toISOString();
      const id = await write(row.email, () =>
        ctx.db.transaction().execute(async (trx) => {
          const newId = await insertPerson(trx, row, now);
          await insertAudit(trx, { at: now, operator: ctx.operator, action: 'person.registered', entity: 'person', entityId: newId, after: { ...row }, note });
          return newId;
        }),
      );
      ctx.emit('changed', { entities: ['people', 'agencies'] });
      return mustGet(id);
    },

    async update(input: ParsedInput<'people.update'>): Promise<Person> {
      const current = await mustGet(input.id);
      if (input.expectedUpdatedAt && input.expectedUpdatedAt !== current.updatedAt) {
        throw new AppError('conflict', `${current.firstName} ${current.lastName} was changed by someone else while you were editing. Reload to see their changes, then edit again.`);
      }
      const before = rowOf(current);
      const after: PersonRow = { ...before, ...definedOnly(input.changes) };
      await checkReferences(after);
      await assertEmailFree(after.email, current.id);
      const diff = changedFields({ ...before }, { ...after });
      if (!diff) return current;
      const now = ctx.clock.now().toISOString();
      await write(after.email, () =>
        ctx.db.transaction().execute(async (trx) => {
          await updatePerson(trx, current.id, after, now);
          await insertAudit(trx, { at: now, operator: ctx.operator, action: 'person.updated', entity: 'person', entityId: current.id, ...diff });
        }),
      );
      ctx.emit('changed', { entities: ['people', 'agencies'] });
      return mustGet(current.id);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

function toRow(input: CreateInput, today: string): PersonRow {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: input.phone ?? null,
    agencyId: input.agencyId,
    supervisorName: input.supervisorName ?? null,
    supervisorEmail: input.supervisorEmail ?? null,
    accessLevelId: input.accessLevelId,
    requestType: input.requestType,
    registeredOn: input.registeredOn ?? today,
    notes: input.notes ?? null,
  };
}

function rowOf(person: Person): PersonRow {
  const { firstName, lastName, email, phone, agencyId, supervisorName, supervisorEmail, accessLevelId, requestType, registeredOn, notes } = person;
  return { firstName, lastName, email, phone, agencyId, supervisorName, supervisorEmail, accessLevelId, requestType, registeredOn, notes };
}

/** A partial update sends only what changed; `undefined` means "leave as is", `null` means "clear". */
function definedOnly<T extends object>(changes: T): Partial<PersonRow> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<PersonRow>;
}
