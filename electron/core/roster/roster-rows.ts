import type { RosterField, RosterRow } from '../../../shared/domain/roster';
import type { Table } from '../intake/read-table';
import { cleanCell, textKey } from '../intake/text-keys';

/** Status words vendors write for a closed account; anything else (or no status column) is an open one. */
const INACTIVE = new Set(['inactive', 'no', 'n', 'false', '0', 'disabled', 'deactivated', 'locked', 'suspended', 'terminated', 'closed', 'expired', 'revoked', 'removed']);

const statusKeys = new Map<string, boolean>();

/** A file says a handful of status words 20,000 times: each is worked out once. */
export function isActiveStatus(status: string): boolean {
  let active = statusKeys.get(status);
  if (active === undefined) {
    if (statusKeys.size > 1000) statusKeys.clear();
    active = !INACTIVE.has(textKey(status));
    statusKeys.set(status, active);
  }
  return active;
}

/** "Okafor, Ngozi" is how many vendors list staff; the report shows "Ngozi Okafor". */
function displayName(full: string): string {
  const comma = full.indexOf(',');
  return comma > 0 ? `${full.slice(comma + 1).trim()} ${full.slice(0, comma).trim()}`.trim() : full;
}

export function toRosterRows(table: Table, fields: readonly (RosterField | null)[]): RosterRow[] {
  const at = new Map<RosterField, number>();
  fields.forEach((f, i) => f && at.set(f, i));
  return table.rows.map((r) => {
    const get = (field: RosterField) => {
      const index = at.get(field);
      return index === undefined ? '' : cleanCell(r.cells[index] ?? '');
    };
    const parts = `${get('firstName')} ${get('lastName')}`.trim();
    const status = get('status');
    return {
      row: r.number,
      userName: get('userName'),
      name: parts || displayName(get('fullName')),
      email: get('email'),
      agency: get('agency'),
      accessLevel: get('accessLevel'),
      status,
      lastLogin: get('lastLogin'),
      active: isActiveStatus(status),
    };
  });
}
