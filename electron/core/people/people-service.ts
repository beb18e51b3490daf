import { AppError } from '../../../shared/app-error';
import type { ParsedInput } from '../../../shared/contract';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Person } from '../../../shared/domain/person';
import { getAgency } from '../agencies/agencies.repo';
import { listAccessLevels } from '../access-levels/access-levels.repo';
import { auditFor } from '../audit/audit.repo';
import type { CoreContext } from '../context';
import { isUniqueViolation } from '../db/sqlite.repo';
import { listPeople } from './people-list.repo';
import { findPersonIdByEmail, type PersonRow } from './people.repo';
import { mustGetPerson, personChanged, personRow, registerPerson, savePersonChanges } from './person-writes';

type CreateInput = ParsedInput<'people.create'>;

function duplicateEmail(email: string): AppError {
  return new AppError('duplicate', `${email} is already registered. Open that person instead of adding them again.`, [
    { field: 'email', message: 'Someone with this email is already on the list.' },
  ]);
}

export function createPeopleService(ctx: CoreContext) {
  const today = () => ctx.clock.today();

  const mustGet = (id: number): Promise<Person> => mustGetPerson(ctx.db, id, today());
  const stamp = (note?: string) => ({ at: ctx.clock.now().toISOString(), operator: ctx.operator, note });

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
      const by = stamp(note);
      const id = await write(row.email, () => ctx.db.transaction().execute((trx) => registerPerson(trx, row, by)));
      ctx.emit('changed', { entities: ['people', 'agencies'] });
      return mustGet(id);
    },

    async update(input: ParsedInput<'people.update'>): Promise<Person> {
      const current = await mustGet(input.id);
      if (input.expectedUpdatedAt && input.expectedUpdatedAt !== current.updatedAt) throw personChanged(current);
      const before = personRow(current);
      const after: PersonRow = { ...before, ...definedOnly(input.changes) };
      await checkReferences(after);
      await assertEmailFree(after.email, current.id);
      // Written over the version read above, even without a base from the caller: a save that
      // started before another one finished would otherwise put back that one's old values.
      const by = stamp();
      const wrote = await write(after.email, () => ctx.db.transaction().execute((trx) => savePersonChanges(trx, current, before, after, by)));
      if (!wrote) return current;
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

/** A partial update sends only what changed; `undefined` means "leave as is", `null` means "clear". */
function definedOnly<T extends object>(changes: T): Partial<PersonRow> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<PersonRow>;
}
