import { z } from 'zod';
import { accessLevel } from '../domain/access-level';
import { agency, agencyInput } from '../domain/agency';
import { auditEntry } from '../domain/audit';
import { id, paged } from '../domain/common';
import { person, personCreateInput, personListInput, personUpdateInput } from '../domain/person';
import { noInput } from './app';
import { call } from './define';

export const peopleCalls = {
  /** Registers an HMIS end user. Refuses an email already on the list (any letter case). */
  'people.create': call({ input: personCreateInput, output: person }),
  /** Changes some fields of a person; refuses if someone else saved the record in the meantime. */
  'people.update': call({ input: personUpdateInput, output: person }),
  /** One person with their derived stage. */
  'people.get': call({ input: z.object({ id }), output: person }),
  /** The master list: paged, sorted, filtered, with search-as-you-type on name, email and agency. */
  'people.list': call({ input: personListInput, output: paged(person) }),
  /** Everything that happened to a person, newest first (from the audit trail). */
  'people.history': call({ input: z.object({ id }), output: z.array(auditEntry) }),
};

export const agencyCalls = {
  /** All partner agencies, by name, with how many people each has. */
  'agencies.list': call({ input: noInput, output: z.array(agency) }),
  /** Adds a partner agency; names are unique regardless of letter case. */
  'agencies.create': call({ input: agencyInput, output: agency }),
};

export const accessLevelCalls = {
  /** The office's access levels in display order (editable defaults from resources/). */
  'accessLevels.list': call({ input: noInput, output: z.array(accessLevel) }),
};
