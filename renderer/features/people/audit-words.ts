import type { AuditEntry } from '../../../shared/domain/audit';
import { REQUEST_TYPE_LABELS, type RequestType } from '../../../shared/domain/person';
import { formatDate } from './format';

/** Names the audit trail needs to turn ids into words. */
export interface AuditLookups {
  agencyName(id: number): string | undefined;
  accessLevelName(id: number): string | undefined;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const ACTION_WORDS: Record<string, string> = {
  'person.registered': 'Registered',
  'person.updated': 'Details changed',
  'person.merged': 'Merged with another record',
  'person.not_duplicate': 'Marked as a different person',
  'request.opened': 'Request opened',
  'request.updated': 'Request updated',
};

export const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  agencyId: 'Agency',
  accessLevelId: 'Access level',
  previousAccessLevelId: 'Previous access level',
  requestType: 'Request type',
  supervisorName: 'Supervisor name',
  supervisorEmail: 'Supervisor email',
  registeredOn: 'Registered on',
  notes: 'Notes',
};

/** "person.updated" -> "Details changed"; an action a later feature adds reads "Documents attached". */
export function actionWords(action: string): string {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const verb = action.split('.').pop() ?? action;
  const words = verb.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function valueWords(field: string, value: unknown, lookups: AuditLookups): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field === 'agencyId' && typeof value === 'number') return lookups.agencyName(value) ?? `agency #${value}`;
  if ((field === 'accessLevelId' || field === 'previousAccessLevelId') && typeof value === 'number') return lookups.accessLevelName(value) ?? `access level #${value}`;
  if (field === 'requestType') return REQUEST_TYPE_LABELS[value as RequestType] ?? String(value);
  if (field === 'registeredOn' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const labelOf = (field: string) => FIELD_LABELS[field] ?? actionWords(field);

/** Each field that changed, as it was and as it became, in readable words. */
export function describeChanges(entry: Pick<AuditEntry, 'before' | 'after'>, lookups: AuditLookups): FieldChange[] {
  const fields = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
  return [...fields].map((field) => ({
    field,
    label: labelOf(field),
    before: valueWords(field, entry.before?.[field], lookups),
    after: valueWords(field, entry.after?.[field], lookups),
  }));
}

/** For a registration, the two facts that matter at a glance. */
export function registrationSummary(entry: Pick<AuditEntry, 'after'>, lookups: AuditLookups): string | null {
  const after = entry.after ?? {};
  if (typeof after.agencyId !== 'number' || typeof after.accessLevelId !== 'number') return null;
  return `At ${valueWords('agencyId', after.agencyId, lookups)} as ${valueWords('accessLevelId', after.accessLevelId, lookups)}`;
}
