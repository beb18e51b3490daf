import type { RequestType } from '../../../shared/domain/person';
import type { PersonRow } from '../people/people.repo';
import { personRow } from '../people/person-writes';
import type { ExistingPerson } from './lookups';
import type { RowValues } from './row-values';
import { textKey } from './text-keys';

interface PlannedRequest {
  type: RequestType;
  accessLevelId: number | null;
  previousAccessLevelId: number | null;
  agencyId: number | null;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface UpdatePlan {
  after: PersonRow;
  changes: FieldChange[];
  request: PlannedRequest | null;
}

const COPIED = ['firstName', 'lastName', 'phone', 'supervisorName', 'supervisorEmail', 'notes'] as const;

/**
 * What a row changes on a person already on the list. A blank cell never clears data; the
 * registered date stays the first one. The row's request decides the rest: a deactivation or
 * an additional agency opens that request and leaves level and agency alone; a different level
 * opens a change of access that remembers the level before it.
 */
export function planUpdate(existing: ExistingPerson, values: RowValues): UpdatePlan {
  const after: PersonRow = personRow(existing);
  const changes: FieldChange[] = [];
  for (const field of COPIED) {
    const value = values[field];
    if (value !== null && value !== existing[field]) {
      after[field] = value;
      changes.push({ field, before: existing[field], after: value });
    }
  }
  const request = plannedRequest(existing, values);
  const movesAgency = values.requestType !== 'additional_agency' && textKey(values.agencyName) !== textKey(existing.agencyName);
  if (movesAgency) {
    after.agencyId = values.agencyId ?? existing.agencyId;
    changes.push({ field: 'agency', before: existing.agencyName, after: values.agencyName });
  }
  if (request?.type === 'change_access') {
    after.accessLevelId = values.accessLevelId;
    changes.push({ field: 'accessLevel', before: existing.accessLevelName, after: values.accessLevelName });
  }
  if (request && request.type !== existing.requestType) {
    after.requestType = request.type;
    changes.push({ field: 'requestType', before: existing.requestType, after: request.type });
  }
  return { after, changes, request };
}

function plannedRequest(existing: ExistingPerson, values: RowValues): PlannedRequest | null {
  let request: PlannedRequest | null = null;
  if (values.requestType === 'deactivation') {
    request = { type: 'deactivation', accessLevelId: existing.accessLevelId, previousAccessLevelId: null, agencyId: existing.agencyId };
  } else if (values.requestType === 'additional_agency' && values.agencyId !== existing.agencyId) {
    request = { type: 'additional_agency', accessLevelId: values.accessLevelId, previousAccessLevelId: null, agencyId: values.agencyId };
  } else if (values.accessLevelId !== existing.accessLevelId) {
    request = { type: 'change_access', accessLevelId: values.accessLevelId, previousAccessLevelId: existing.accessLevelId, agencyId: values.agencyId ?? existing.agencyId };
  }
  if (!request) return null;
  // The same form sent twice must not open the same request twice.
  const open = existing.activeRequests.some(
    (r) => r.type === request.type && (request.type === 'deactivation' || (r.accessLevelId === request.accessLevelId && r.agencyId === request.agencyId)),
  );
  return open ? null : request;
}
