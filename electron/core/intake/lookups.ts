import type { RequestType } from '../../../shared/domain/person';
import type { PersonRow } from '../people/people.repo';

/** A person already on the list whose email appears in the file. */
export interface ExistingPerson extends PersonRow {
  id: number;
  agencyName: string;
  accessLevelName: string;
  /** The version read: the import writes over this one only. */
  updatedAt: string;
  /** Open or in-progress requests, so a re-sent form does not open the same request twice. */
  activeRequests: { type: RequestType; accessLevelId: number | null; agencyId: number | null }[];
}

export interface NamedId {
  id: number;
  name: string;
}

/** Everything about the database a row's verdict depends on, loaded before judging. */
export interface Lookups {
  today: string;
  /** By textKey of the name. */
  agencies: Map<string, NamedId>;
  /** By levelKey of the name and of every synonym. */
  levels: Map<string, NamedId>;
  levelNames: string[];
  /** By lower-case email. */
  existingByEmail: Map<string, ExistingPerson>;
  /** Hashes of rows imported before (from any file). */
  importedHashes: Set<string>;
  /** By `nameKey|agencyId`: people who may be the same person as a row with another email. */
  namesAtAgency: Map<string, { id: number; name: string; email: string }[]>;
}
