import type { Person } from '../../../../shared/domain/person';
import { insertAudit } from '../../audit/audit.repo';
import { changedFields } from '../../audit/changes';
import type { Db } from '../../db/open-database';
import { updatePerson, type PersonRow } from '../../people/people.repo';

export function personRow(person: Person): PersonRow {
  const { firstName, lastName, email, phone, agencyId, supervisorName, supervisorEmail, accessLevelId, requestType, registeredOn, notes } = person;
  return { firstName, lastName, email, phone, agencyId, supervisorName, supervisorEmail, accessLevelId, requestType, registeredOn, notes };
}

export interface AuditBy {
  at: string;
  operator: string;
  note?: string | null;
}

/** Writes a person's changed fields with a `person.updated` audit entry; nothing when nothing differs. */
export async function savePersonChanges(trx: Db, id: number, before: PersonRow, after: PersonRow, by: AuditBy): Promise<boolean> {
  const diff = changedFields({ ...before }, { ...after });
  if (!diff) return false;
  await updatePerson(trx, id, after, by.at);
  await insertAudit(trx, { at: by.at, operator: by.operator, action: 'person.updated', entity: 'person', entityId: id, ...diff, note: by.note ?? null });
  return true;
}

/**
 * A request as its audit entry records it, in the person's own field names, so the timeline
 * shows "Request type → Change of access level, Access level → Program Manager".
 */
export function requestAuditFields(requestId: number | undefined, r: { type: string; accessLevelId: number | null; previousAccessLevelId: number | null; agencyId: number | null }) {
  return {
    requestId: requestId ?? null,
    requestType: r.type,
    accessLevelId: r.accessLevelId,
    ...(r.previousAccessLevelId !== null ? { previousAccessLevelId: r.previousAccessLevelId } : {}),
    agencyId: r.agencyId,
  };
}
