import { AppError } from '../../../shared/app-error';
import type { Person } from '../../../shared/domain/person';
import { insertAudit } from '../audit/audit.repo';
import { changedFields } from '../audit/changes';
import type { Db } from '../db/open-database';
import { nextStamp } from '../db/stamps';
import { getPerson, insertPerson, updatePerson, type PersonRow } from './people.repo';

/**
 * The one way a person is written: every feature that registers or changes a person (the form,
 * imports, requests, merges) goes through here, so the row, its audit entry and the check that
 * nobody wrote in between are the same everywhere.
 */

/** Who writes, when, and why (shown on the timeline). */
export interface WriteStamp {
  at: string;
  operator: string;
  note?: string | null;
}

/** The stored fields of anything shaped like a person (a `Person`, a person found by an import). */
export function personRow(person: PersonRow): PersonRow {
  const { firstName, lastName, email, phone, agencyId, supervisorName, supervisorEmail, accessLevelId, requestType, registeredOn, notes } = person;
  return { firstName, lastName, email, phone, agencyId, supervisorName, supervisorEmail, accessLevelId, requestType, registeredOn, notes };
}

export function personNotFound(id: number): AppError {
  return new AppError('not_found', `No person with number ${id} is on the list. They may have been merged into another record, or the link is old: reload and search for them.`);
}

export function personChanged(person: Pick<Person, 'firstName' | 'lastName'>): AppError {
  return new AppError('conflict', `Someone else changed ${person.firstName} ${person.lastName} while you were editing. Reload to see their change, then make yours again.`);
}

export async function mustGetPerson(db: Db, id: number, today: string): Promise<Person> {
  const person = await getPerson(db, id, today);
  if (!person) throw personNotFound(id);
  return person;
}

/** Inserts a person with their `person.registered` entry; returns the new id. */
export async function registerPerson(trx: Db, row: PersonRow, by: WriteStamp): Promise<number> {
  const id = await insertPerson(trx, row, by.at);
  await insertAudit(trx, { at: by.at, operator: by.operator, action: 'person.registered', entity: 'person', entityId: id, after: { ...row }, note: by.note ?? null });
  return id;
}

/**
 * Writes a person's changed fields with a `person.updated` entry, over the version `base` that
 * `before` was read from: if someone else wrote in between, nothing is written and the caller
 * gets a conflict to show. Nothing happens when nothing differs. Returns whether it wrote.
 */
export async function savePersonChanges(trx: Db, base: Pick<Person, 'id' | 'updatedAt' | 'firstName' | 'lastName'>, before: PersonRow, after: PersonRow, by: WriteStamp): Promise<boolean> {
  const diff = changedFields({ ...before }, { ...after });
  if (!diff) return false;
  if (!(await updatePerson(trx, base.id, after, base.updatedAt, nextStamp(by.at, base.updatedAt)))) throw personChanged(base);
  await insertAudit(trx, { at: by.at, operator: by.operator, action: 'person.updated', entity: 'person', entityId: base.id, ...diff, note: by.note ?? null });
  return true;
}
